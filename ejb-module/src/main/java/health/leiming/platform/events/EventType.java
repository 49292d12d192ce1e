package health.leiming.platform.events;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The stable name of an event type ("order.paid"), as it travels on the broker and is stored in
 * the outbox. Renaming the record is safe; renaming this value strands the events in flight.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {

    String value();
}
