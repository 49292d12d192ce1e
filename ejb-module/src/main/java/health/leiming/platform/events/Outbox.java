package health.leiming.platform.events;

import health.leiming.platform.RequestContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * Records a business event in the caller's transaction. The event reaches the broker only if the
 * change commits, and it is not lost if the broker is down: the relay publishes it later.
 */
@ApplicationScoped
public class Outbox {

    @PersistenceContext(unitName = "leiming")
    EntityManager em;

    @Inject
    Event<OutboxEventStored> stored;

    /** Stores the event for publishing after the commit; returns its id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String publish(BusinessEvent event) {
        OutboxEvent row = new OutboxEvent(EventRegistry.nameOf(event.getClass()), event.aggregateId(),
                EventRegistry.toJson(event), RequestContext.requestId(), Instant.now());
        em.persist(row);
        stored.fire(new OutboxEventStored(row.id(), EventRegistry.nameOf(event.getClass())));
        return row.id();
    }

    /** Fired when an event was stored; observers act after the transaction commits. */
    public record OutboxEventStored(String eventId, String eventType) {
    }
}
