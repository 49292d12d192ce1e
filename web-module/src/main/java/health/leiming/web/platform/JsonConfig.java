package health.leiming.web.platform;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * JSON-B, configured once: nulls omitted; instants and dates as ISO-8601 (JSON-B's default formats);
 * unknown fields in a request refused.
 */
@Provider
public class JsonConfig implements ContextResolver<Jsonb> {

    /** The one configured instance (thread-safe), also for code that writes JSON itself. */
    static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withNullValues(false)
            // A field we do not know is refused (400 UNKNOWN_FIELD), not dropped: a replacing PUT with a typo
            // in a field name would otherwise silently lose that value.
            .setProperty("jsonb.fail-on-unknown-properties", true));

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSONB;
    }
}
