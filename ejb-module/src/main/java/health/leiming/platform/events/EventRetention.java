package health.leiming.platform.events;

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
 * Published outbox events after leiming.retention.outbox; processed-event ids after
 * leiming.retention.processed-events (well past any redelivery); rate counters whose window ended
 * long ago (leiming.retention.rate-counters).
 */
@Stateless
public class EventRetention implements Retention {

    @PersistenceContext(unitName = "leiming")
    EntityManager em;

    @Inject
    @ConfigProperty(name = "leiming.retention.outbox", defaultValue = "P7D")
    Duration outbox;

    @Inject
    @ConfigProperty(name = "leiming.retention.processed-events", defaultValue = "P30D")
    Duration processedEvents;

    @Inject
    @ConfigProperty(name = "leiming.retention.rate-counters", defaultValue = "P2D")
    Duration rateCounters;

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Map<String, Integer> purge(Instant now, int max) {
        Map<String, Integer> purged = new LinkedHashMap<>();
        purged.put("outbox-events", Purge.batch(em, "OutboxEvent", "e.publishedAt < :before", now.minus(outbox), max));
        purged.put("processed-events", Purge.batchBy(em, "ProcessedEvent", "eventId", "e.processedAt < :before",
                Map.of("before", now.minus(processedEvents)), max));
        // A counter's window is at most a day; the table is small, one statement is enough.
        purged.put("rate-counters", em.createQuery("delete from RateCounter c where c.windowStart < :before")
                .setParameter("before", now.minus(rateCounters)).executeUpdate());
        return purged;
    }
}
