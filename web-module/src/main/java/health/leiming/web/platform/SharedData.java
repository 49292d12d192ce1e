package health.leiming.web.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Answers whose data is a large value that the business layer hands out unchanged to many requests
 * (a cached trend: a year of daily points, some 40 kB of JSON). The data is serialised once per
 * instance and spliced into each request's own envelope (timestamp, request id), instead of being
 * written field by field every time. Instances are told apart by identity, never by equals (a
 * record's equals would walk the whole value), so a changed value, being a new instance, is
 * serialised afresh.
 */
@ApplicationScoped
public class SharedData {

    /** The most recent values and their JSON (each entry keeps its value alive): some 20 MB at worst. */
    static final int MAX_ENTRIES = 256;

    private record Identity(Object value) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Identity that && that.value == value;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(value);
        }
    }

    private final Map<Identity, String> serialised = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Identity, String> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    /** A 200 with the usual envelope around the data, as {@link ApiResponse#ok} would be written. */
    public Response ok(Object data) {
        Identity key = new Identity(data);
        String json;
        synchronized (serialised) {
            json = serialised.get(key);
        }
        if (json == null) {
            json = JsonConfig.JSONB.toJson(data);
            synchronized (serialised) {
                serialised.put(key, json);
            }
        }
        String envelope = JsonConfig.JSONB.toJson(ApiResponse.ok(null)); // {"code":200,...}: no data (nulls are left out)
        String body = "{\"data\":" + json + "," + envelope.substring(1);
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8")).build();
    }
}
