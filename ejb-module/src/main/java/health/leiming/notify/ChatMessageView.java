package health.leiming.notify;

import java.time.Instant;

/** A chat message as both parties see it: who wrote it by role (member or staff), not by id. */
public record ChatMessageView(String id, String orderId, String from, String content, Instant createdAt) {
}
