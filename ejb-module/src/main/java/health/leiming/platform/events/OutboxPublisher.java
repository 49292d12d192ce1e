package health.leiming.platform.events;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Queue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/**
 * Publishes pending outbox events to the broker. Sending a message and marking its event published
 * happen in one XA transaction: either both happen or neither does, so an event is never marked
 * sent without having been sent. Should two servers pick the same event, the version check lets only
 * one commit; consumers deduplicate on the event id regardless.
 */
@Stateless
public class OutboxPublisher {

    public static final String EVENT_ID = "eventId";
    public static final String EVENT_TYPE = "eventType";
    public static final String REQUEST_ID = "requestId";

    @PersistenceContext(unitName = "leiming")
    EntityManager em;

    @Resource(lookup = "jms/leimingCF")
    ConnectionFactory connectionFactory;

    @Resource(lookup = "jms/leimingEvents")
    Queue events;

    /** Publishes up to {@code max} pending events, oldest first; returns how many. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int publishBatch(int max) {
        List<OutboxEvent> pending = em.createNamedQuery("OutboxEvent.pending", OutboxEvent.class)
                .setMaxResults(max)
                .getResultList();
        if (pending.isEmpty()) {
            return 0;
        }
        Instant now = Instant.now();
        try (JMSContext context = connectionFactory.createContext()) {
            for (OutboxEvent event : pending) {
                JMSProducer producer = context.createProducer()
                        .setProperty(EVENT_ID, event.id())
                        .setProperty(EVENT_TYPE, event.eventType());
                if (event.requestId() != null) {
                    producer.setProperty(REQUEST_ID, event.requestId());
                }
                producer.send(events, event.payload());
                event.markPublished(now);
            }
        }
        return pending.size();
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public long countPending() {
        return em.createNamedQuery("OutboxEvent.countPending", Long.class).getSingleResult();
    }
}
