package health.leiming.notify;

import health.leiming.platform.Purge;
import health.leiming.platform.Retention;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Notification deliveries (their text and address) leiming.retention.deliveries after they were made
 * (sent, or given up: the admins' dead letters); messages the member has read after
 * leiming.retention.read-messages; chat leiming.retention.chat after it was written.
 */
@Stateless
public class NotifyRetention implements Retention {

    @PersistenceContext(unitName = "leiming")
    EntityManager em;

    @Inject
    @ConfigProperty(name = "leiming.retention.deliveries", defaultValue = "P30D")
    Duration deliveries;

    @Inject
    @ConfigProperty(name = "leiming.retention.read-messages", defaultValue = "P365D")
    Duration readMessages;

    @Inject
    @ConfigProperty(name = "leiming.retention.chat", defaultValue = "P365D")
    Duration chat;

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Map<String, Integer> purge(Instant now, int max) {
        Map<String, Integer> purged = new LinkedHashMap<>();
        purged.put("deliveries", Purge.batch(em, "Delivery", "e.status <> :pending and e.createdAt < :before",
                Map.of("pending", Delivery.Status.pending, "before", now.minus(deliveries)), max));
        purged.put("read-messages", Purge.batch(em, "Message", "e.readAt < :before", now.minus(readMessages), max));
        purged.put("chat", Purge.batch(em, "ChatMessage", "e.createdAt < :before", now.minus(chat), max));
        return purged;
    }
}
