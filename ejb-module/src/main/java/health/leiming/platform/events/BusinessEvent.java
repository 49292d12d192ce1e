package health.leiming.platform.events;

/**
 * The payload of a business event: a record in the context that raises it, annotated with its
 * {@link EventType} and listed in that context's {@link EventCatalog}. It carries ids and the facts a
 * consumer needs, never names or phone numbers (a queue and the outbox table keep what they carry).
 */
public interface BusinessEvent {

    /** What the event is about (an order, a person, a report): the outbox row's aggregate id. */
    String aggregateId();
}
