package health.leiming.integration;

import health.leiming.platform.Logs;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The access token of a Tencent server API (WeChat, WeCom), shared by all calls of one client: kept
 * until shortly before it expires, fetched again once when the API calls it invalid. WeChat and WeCom
 * answer a token request alike: {"access_token", "expires_in"} or an errcode.
 */
public final class AccessToken {

    private static final Logger LOG = Logs.get(AccessToken.class);

    private final String api;
    private final Supplier<JsonObject> fetch;
    private final Set<Integer> invalidCodes;
    private final Duration margin;
    private String value;
    private Instant refreshAt = Instant.EPOCH;

    /**
     * @param api who issues it, for messages ("WeChat")
     * @param fetch asks the API for a new token
     * @param invalidCodes the errcodes with which the API refuses a token (expired, revoked)
     * @param margin how long before the API's expiry to fetch a new one
     */
    public AccessToken(String api, Supplier<JsonObject> fetch, Set<Integer> invalidCodes, Duration margin) {
        this.api = api;
        this.fetch = fetch;
        this.invalidCodes = invalidCodes;
        this.margin = margin;
    }

    /** Calls with the cached token; when the API calls the token invalid, fetches a new one and calls once more. */
    public JsonObject call(Function<String, JsonObject> request) {
        JsonObject reply = request.apply(get(false));
        if (invalidCodes.contains(reply.getInt("errcode", 0))) {
            LOG.info(() -> api + " access token refused; fetching a new one");
            reply = request.apply(get(true));
        }
        return reply;
    }

    /** The cached token, or a new one when it is about to expire or {@code renew} asks for one. */
    public synchronized String get(boolean renew) {
        if (!renew && value != null && Instant.now().isBefore(refreshAt)) {
            return value;
        }
        JsonObject reply = fetch.get();
        if (!reply.containsKey("access_token")) {
            throw new IllegalStateException(api + " gave no access token: " + reply.getInt("errcode", -1) + " "
                    + reply.getString("errmsg", ""));
        }
        value = reply.getString("access_token");
        refreshAt = Instant.now().plusSeconds(reply.getJsonNumber("expires_in").longValue()).minus(margin);
        return value;
    }
}
