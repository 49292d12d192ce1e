package health.leiming.web.platform;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/** JSON-B, configured once: nulls omitted; instants and dates as ISO-8601 (JSON-B's default formats). */
@Provider
public class JsonConfig implements ContextResolver<Jsonb> {

    /** The one configured instance (thread-safe), also for code that writes JSON itself. */
    static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withNullValues(false));

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSONB;
    }
}
