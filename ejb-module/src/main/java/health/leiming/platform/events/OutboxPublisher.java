package health.leiming.platform.events;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/**
 * Publishes pending outbox events to the broker: reads a batch, has {@link EventSender} put it on the
 * broker (outside this transaction), then marks it published. An event is never marked published
 * without having been stored by the broker; it may be sent twice (a crash after the send, or two
 * servers picking the same batch, where the version check lets only one commit), and the consumers
 * deduplicate on the event id. No XA: the database takes part in plain local transactions.
 */
@Stateless
public class OutboxPublisher {

    public static final String EVENT_ID = "eventId";
    public static final String EVENT_TYPE = "eventType";
    public static final String REQUEST_ID = "requestId";

    @PersistenceContext(unitName = "leiming")
    EntityManager em;

    @Inject
    EventSender sender;

    /** Publishes up to {@code max} pending events, oldest first; returns how many. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int publishBatch(int max) {
        List<OutboxEvent> pending = em.createNamedQuery("OutboxEvent.pending", OutboxEvent.class)
                .setMaxResults(max)
                .getResultList();
        if (pending.isEmpty()) {
            return 0;
        }
        sender.send(pending);
        Instant now = Instant.now();
        pending.forEach(event -> event.markPublished(now));
        return pending.size();
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public long countPending() {
        return em.createNamedQuery("OutboxEvent.countPending", Long.class).getSingleResult();
    }
}
