package health.leiming.platform.events;

import java.util.List;

/**
 * The event types a context raises. Each context that raises events has one catalog bean; the
 * dispatcher learns from them which record a type name reads into.
 */
public interface EventCatalog {

    List<Class<? extends BusinessEvent>> events();
}
