package health.leiming.integration;

import health.leiming.platform.Logs;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
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
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * The mini-program's server API at WeChat: code2session (wx.login's code to the openid; the session
 * key stays here and is not kept), the phone number of a getPhoneNumber code, and the access token
 * that call needs (cached, fetched again once when WeChat rejects it). Codes are single use, so
 * these calls are not retried.
 */
@ApplicationScoped
public class WechatMiniApi {

    private static final Logger LOG = Logs.get(WechatMiniApi.class);
    private static final Set<Integer> TOKEN_INVALID = Set.of(40001, 40014, 42001);

    @Inject
    @ConfigProperty(name = "leiming.wechat.api-base-url", defaultValue = "https://api.weixin.qq.com")
    String baseUrl;

    @Inject
    @ConfigProperty(name = "leiming.wechatpay.app-id")
    Optional<String> appId;

    @Inject
    @ConfigProperty(name = "leiming.wechat.app-secret")
    Optional<String> appSecret;

    /** Which version of the mini-program a subscribe message opens: formal, trial or developer. */
    @Inject
    @ConfigProperty(name = "leiming.wechat.miniprogram-state", defaultValue = "formal")
    String miniprogramState;

    private HttpClient client;
    private AccessToken token;

    @PostConstruct
    void init() {
        client = JsonHttp.client();
        token = new AccessToken("WeChat", () -> send(HttpRequest.newBuilder(URI.create(baseUrl
                + "/cgi-bin/token?grant_type=client_credential&appid=" + JsonHttp.encode(appId.orElseThrow())
                + "&secret=" + JsonHttp.encode(appSecret.orElseThrow()))).GET()), TOKEN_INVALID, Duration.ofMinutes(5));
    }

    public boolean configured() {
        return appId.isPresent() && appSecret.isPresent();
    }

    /** The openid (and unionid when WeChat gives one) of a wx.login code, or empty for a bad or used code. */
    @Timeout(value = 8, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 30, delayUnit = ChronoUnit.SECONDS)
    public Optional<WechatIdentity> identityOfCode(String code) {
        JsonObject reply = send(HttpRequest.newBuilder(URI.create(baseUrl + "/sns/jscode2session?appid="
                + JsonHttp.encode(appId.orElseThrow()) + "&secret=" + JsonHttp.encode(appSecret.orElseThrow()) + "&js_code=" + JsonHttp.encode(code)
                + "&grant_type=authorization_code")).GET());
        int errcode = reply.getInt("errcode", 0);
        if (errcode != 0 || !reply.containsKey("openid")) {
            LOG.info(() -> "code2session refused a code: " + errcode);
            return Optional.empty();
        }
        return Optional.of(new WechatIdentity(reply.getString("openid"), reply.getString("unionid", null)));
    }

    /** The mainland phone number of a getPhoneNumber code, or empty for a bad or used code. */
    @Timeout(value = 8, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 30, delayUnit = ChronoUnit.SECONDS)
    public Optional<String> phoneOfCode(String code) {
        String body = Json.createObjectBuilder().add("code", code).build().toString();
        JsonObject reply = token.call(accessToken -> phoneRequest(accessToken, body));
        if (reply.getInt("errcode", 0) != 0 || !reply.containsKey("phone_info")) {
            LOG.info("getuserphonenumber refused a code");
            return Optional.empty();
        }
        return Optional.of(reply.getJsonObject("phone_info").getString("purePhoneNumber"));
    }

    /**
     * Sends a subscribe message. Errors that another try cannot fix (the member has no acceptance
     * left, an unknown openid, data the template does not take) are {@link OutsideRefusal}s; WeChat
     * being busy or unreachable is worth another try later.
     */
    @Timeout(value = 8, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 30, delayUnit = ChronoUnit.SECONDS,
            skipOn = OutsideRefusal.class)
    public void sendSubscribeMessage(String openid, String templateId, String page, JsonObject data) {
        JsonObjectBuilder message = Json.createObjectBuilder().add("touser", openid).add("template_id", templateId)
                .add("miniprogram_state", miniprogramState).add("lang", "zh_CN").add("data", data);
        if (page != null) {
            message.add("page", page);
        }
        String body = message.build().toString();
        JsonObject reply = token.call(accessToken -> subscribeRequest(accessToken, body));
        int errcode = reply.getInt("errcode", 0);
        if (errcode == -1 || errcode == 45009) {
            throw new IllegalStateException("WeChat busy (" + errcode + "), try again later");
        }
        if (errcode != 0) {
            throw new OutsideRefusal("WeChat refused the subscribe message: " + errcode + " " + reply.getString("errmsg", ""));
        }
    }

    private JsonObject subscribeRequest(String token, String body) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/cgi-bin/message/subscribe/send?access_token="
                + JsonHttp.encode(token))).header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private JsonObject phoneRequest(String token, String body) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/wxa/business/getuserphonenumber?access_token="
                + JsonHttp.encode(token))).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private JsonObject send(HttpRequest.Builder request) {
        return JsonHttp.send(client, request, "WeChat");
    }

    /** Who a wx.login code belongs to in our mini-program. */
    public record WechatIdentity(String openid, String unionid) {
    }
}
