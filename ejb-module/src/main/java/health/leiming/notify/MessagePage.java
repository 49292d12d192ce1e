package health.leiming.notify;

import java.util.List;

/** One page of a member's messages. */
public record MessagePage(List<MessageView> items, int page, int size, long total) {
}
