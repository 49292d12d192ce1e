package health.leiming.integration;

import health.leiming.platform.Logs;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * WeCom's server API for our app: the access token (kept until shortly before it expires, fetched
 * again once when WeCom says it is invalid), and the calls that use it. Timeouts, a retry and a
 * circuit breaker around each call.
 */
@ApplicationScoped
public class WecomApi {

    private static final Logger LOG = Logs.get(WecomApi.class);
    /** invalid access_token, access_token expired, access_token missing. */
    private static final Set<Integer> TOKEN_INVALID = Set.of(40014, 42001, 41001);

    @Inject
    @ConfigProperty(name = "leiming.wecom.api-base-url", defaultValue = "https://qyapi.weixin.qq.com")
    String baseUrl;

    @Inject
    @ConfigProperty(name = "leiming.wecom.corp-id")
    Optional<String> corpId;

    @Inject
    @ConfigProperty(name = "leiming.wecom.app-secret")
    Optional<String> appSecret;

    /** The id of our self-built application in WeCom (应用 AgentId); messages are sent as it. */
    @Inject
    @ConfigProperty(name = "leiming.wecom.agent-id")
    Optional<Integer> agentId;

    /** Refresh the token this long before WeCom says it expires. */
    @Inject
    @ConfigProperty(name = "leiming.wecom.token-margin", defaultValue = "PT5M")
    Duration margin;

    private HttpClient client;
    private AccessToken token;

    @PostConstruct
    void init() {
        client = JsonHttp.client();
        token = new AccessToken("WeCom", this::fetchToken, TOKEN_INVALID, margin);
    }

    public boolean configured() {
        return corpId.isPresent() && appSecret.isPresent();
    }

    /** Whether application messages can be sent (the app's agent id is configured too). */
    public boolean canSendMessages() {
        return configured() && agentId.isPresent();
    }

    /**
     * Sends a text application message to one WeCom user. WeCom's duplicate check (same content to
     * the same user within 30 minutes) makes a retry after a lost answer harmless. Errors that a
     * retry cannot fix (unknown user, not in the app's visible range) are {@link WecomRefused}.
     */
    @Timeout(value = 8, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 500, abortOn = WecomRefused.class)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 30, delayUnit = ChronoUnit.SECONDS,
            skipOn = WecomRefused.class)
    public void sendText(String userId, String content) {
        String body = Json.createObjectBuilder().add("touser", userId).add("msgtype", "text")
                .add("agentid", agentId.orElseThrow()).add("text", Json.createObjectBuilder().add("content", content))
                .add("safe", 0).add("enable_duplicate_check", 1).add("duplicate_check_interval", 1800)
                .build().toString();
        JsonObject reply = token.call(accessToken -> JsonHttp.send(client, HttpRequest.newBuilder(URI.create(baseUrl
                + "/cgi-bin/message/send?access_token=" + JsonHttp.encode(accessToken)))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)), "WeCom"));
        int errcode = reply.getInt("errcode", 0);
        if (errcode == -1 || errcode == 45009 || errcode == 45033) {
            throw new IllegalStateException("WeCom busy (" + errcode + "), try again later");
        }
        if (errcode != 0) {
            throw new WecomRefused(errcode, reply.getString("errmsg", ""));
        }
        if (!reply.getString("invaliduser", "").isBlank()) {
            throw new WecomRefused(81013, "user not in the application's range");
        }
    }

    /**
     * The WeCom user id of whoever opened our page in WeCom with this OAuth code, or empty. Not
     * retried: a code is good for one use.
     */
    @Timeout(value = 8, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 30, delayUnit = ChronoUnit.SECONDS,
            skipOn = WecomRefused.class)
    public Optional<String> userIdOfCode(String code) {
        JsonObject reply = token.call(accessToken -> get("/cgi-bin/auth/getuserinfo?access_token="
                + JsonHttp.encode(accessToken) + "&code=" + JsonHttp.encode(code)));
        int errcode = reply.getInt("errcode", 0);
        if (errcode == 40029) {
            return Optional.empty(); // invalid or used code
        }
        if (errcode != 0) {
            throw new WecomRefused(errcode, reply.getString("errmsg", ""));
        }
        return Optional.ofNullable(reply.getString("userid", reply.getString("UserId", null)));
    }

    /** A new access token; an error code here is a refusal (a wrong secret does not heal by retrying). */
    private JsonObject fetchToken() {
        JsonObject reply = get("/cgi-bin/gettoken?corpid=" + JsonHttp.encode(corpId.orElseThrow()) + "&corpsecret="
                + JsonHttp.encode(appSecret.orElseThrow()));
        if (reply.getInt("errcode", 0) != 0) {
            throw new WecomRefused(reply.getInt("errcode"), reply.getString("errmsg", ""));
        }
        return reply;
    }

    private JsonObject get(String pathAndQuery) {
        return JsonHttp.send(client, HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery)).GET(), "WeCom");
    }

    /** WeCom answered with an error code that retrying will not change. */
    public static class WecomRefused extends OutsideRefusal {

        private static final long serialVersionUID = 1L;

        public WecomRefused(int errcode, String errmsg) {
            super("WeCom error " + errcode + ": " + errmsg);
        }
    }
}
