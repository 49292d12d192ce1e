package health.leiming.notify;

import java.util.List;

/** The subscribe-message templates the mini-program may ask a member to accept, and what is left of each. */
public record SubscriptionsView(List<Template> templates) {

    public record Template(String eventType, String templateId, int remaining) {
    }
}
