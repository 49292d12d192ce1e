package health.leiming.notify;

import java.util.Map;

/**
 * What one event says to one recipient: the message-centre title and text, the mini-program page it
 * opens, and the named values a subscribe-message template can pick its fields from (orderNo,
 * serviceName, time, amount, status, person, level, remark, title, content).
 */
public record Notice(NoticeKind kind, String title, String content, String page, Map<String, String> values) {

    public Notice {
        values = Map.copyOf(values);
    }
}
