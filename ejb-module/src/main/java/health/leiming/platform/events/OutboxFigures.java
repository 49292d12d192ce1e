package health.leiming.platform.events;

import health.leiming.platform.GaugeSource;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The outbox as an operator watches it: events not yet on the broker, and how long the oldest has waited
 * (it grows while the broker is down; the relay empties it when the broker is back).
 */
@Stateless
public class OutboxFigures implements GaugeSource {

    @PersistenceContext(unitName = "leiming")
    EntityManager em;

    @Override
    public List<Reading> read(Instant now) {
        Object[] row = em.createQuery("select count(e), min(e.createdAt) from OutboxEvent e where e.publishedAt is null",
                Object[].class).getSingleResult();
        long pending = ((Number) row[0]).longValue();
        Instant oldest = (Instant) row[1];
        double age = oldest == null ? 0 : Math.max(0, Duration.between(oldest, now).toMillis() / 1000.0);
        return List.of(
                new Reading("leiming.outbox.pending", "Business events stored but not yet published to the broker", "none",
                        Map.of(), pending),
                new Reading("leiming.outbox.oldest.pending.age", "How long the oldest unpublished event has waited",
                        "seconds", Map.of(), age));
    }
}
