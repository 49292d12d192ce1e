package health.leiming.notify;

import health.leiming.platform.RequestContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
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

    @Transactional(Transactional.TxType.MANDATORY)
    public String publish(String eventType, String aggregateId, JsonObject payload) {
        OutboxEvent event = new OutboxEvent(eventType, aggregateId, payload.toString(), RequestContext.requestId(),
                Instant.now());
        em.persist(event);
        stored.fire(new OutboxEventStored(event.id()));
        return event.id();
    }

    /** Fired when an event was stored; observers act after the transaction commits. */
    public record OutboxEventStored(String eventId) {
    }
}
