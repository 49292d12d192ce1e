package health.leiming.notify;

import java.time.Instant;

/** A message as its owner reads it. */
public record MessageView(String id, String category, String title, String content, boolean read, Instant readAt,
        Instant createdAt) {
}
