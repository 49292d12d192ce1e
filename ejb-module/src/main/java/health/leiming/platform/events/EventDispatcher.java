package health.leiming.platform.events;

import health.leiming.platform.Logs;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Acts on a business event once: the first delivery records the event as processed and fires the
 * typed payload to the CDI observers (notify, wecom, ...) in one transaction, so their effects commit
 * with that record or not at all; a redelivery (broker retry, a second relay) finds the record and
 * does nothing.
 */
@Stateless
public class EventDispatcher {

    /**
     * The processed-events key of this dispatcher. It kept the name of the message centre, its
     * first consumer, so that an event delivered again after an upgrade is still recognised.
     */
    static final String CONSUMER = "message-centre";

    private static final Logger LOG = Logs.get(EventDispatcher.class);

    @PersistenceContext(unitName = "leiming")
    EntityManager em;

    @Inject
    EventRegistry registry;

    @Inject
    Event<BusinessEvent> observers;

    /**
     * In a transaction of its own, apart from the message's delivery: the database needs no XA. A
     * crash after this commits and before the delivery is acknowledged redelivers the message, and
     * the processed-events record makes that a no-op; a failure here rolls back and the broker
     * delivers again.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void dispatch(String eventId, String eventType, String payload) {
        Optional<Class<? extends BusinessEvent>> type = registry.typeNamed(eventType);
        if (type.isEmpty()) {
            LOG.warning(() -> "Dropping event " + eventId + " of unknown type " + eventType);
            return;
        }
        if (em.find(ProcessedEvent.class, new ProcessedEvent.Key(eventId, CONSUMER)) != null) {
            LOG.fine(() -> "Event " + eventId + " already processed");
            return;
        }
        em.persist(new ProcessedEvent(eventId, CONSUMER, Instant.now()));
        fire(new IncomingEvent(eventId, eventType), type.get(), payload);
        // Flush here so that a concurrent duplicate fails on the processed_events key inside this
        // transaction (and is redelivered, then skipped) rather than at commit.
        em.flush();
    }

    private <T extends BusinessEvent> void fire(IncomingEvent envelope, Class<T> type, String payload) {
        T event = EventRegistry.fromJson(payload, type);
        IncomingEvent.begin(envelope);
        try {
            observers.select(type).fire(event);
        } finally {
            IncomingEvent.end();
        }
    }
}
