package health.leiming.platform.events;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Event type names and their payload records, from every context's catalog; JSON-B both ways. */
@ApplicationScoped
public class EventRegistry {

    @Inject
    Instance<EventCatalog> catalogs;

    private final Map<String, Class<? extends BusinessEvent>> byName = new HashMap<>();

    @PostConstruct
    void collect() {
        catalogs.forEach(catalog -> catalog.events().forEach(this::register));
    }

    void register(Class<? extends BusinessEvent> type) {
        Class<? extends BusinessEvent> before = byName.putIfAbsent(nameOf(type), type);
        if (before != null && before != type) {
            throw new IllegalStateException("Event type " + nameOf(type) + " is claimed by " + before.getName()
                    + " and " + type.getName());
        }
    }

    /** The names of every event type some context raises. */
    public Set<String> names() {
        return new TreeSet<>(byName.keySet());
    }

    /** The record a type name reads into, if any context raises it. */
    public Optional<Class<? extends BusinessEvent>> typeNamed(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public static String nameOf(Class<? extends BusinessEvent> type) {
        EventType name = type.getAnnotation(EventType.class);
        if (name == null) {
            throw new IllegalStateException(type.getName() + " has no @EventType");
        }
        return name.value();
    }

    public static String toJson(BusinessEvent event) {
        return Json.B.toJson(event);
    }

    public static <T extends BusinessEvent> T fromJson(String payload, Class<T> type) {
        return Json.B.fromJson(payload, type);
    }

    /** JSON-B, made when first used (the type names above need no JSON-B provider). */
    private static final class Json {
        static final Jsonb B = JsonbBuilder.create();
    }
}
