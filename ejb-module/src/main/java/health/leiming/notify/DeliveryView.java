package health.leiming.notify;

import java.time.Instant;

/** A delivery as admins see it: no address, no content beyond the title. */
public record DeliveryView(String id, String eventId, String eventType, String channel, String recipient,
        String templateId, String title, String status, int attempts, Instant nextAttemptAt, String lastError,
        Instant createdAt, Instant sentAt) {
}
