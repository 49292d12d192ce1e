package health.leiming.integration;

import health.leiming.platform.BusinessException;
import health.leiming.platform.ErrorKind;
import health.leiming.platform.Logs;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ApplicationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbProperty;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * WeChat Pay API v3 for the mini-program (JSAPI): prepay, the parameters wx.requestPayment needs,
 * refunds, and the verification and decryption of WeChat Pay's notifications. Merchant id, app id,
 * keys and the base URL come from configuration; without a merchant key, payments are switched off.
 */
@ApplicationScoped
public class WechatPay {

    private static final Logger LOG = Logs.get(WechatPay.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    @ConfigProperty(name = "leiming.wechatpay.base-url", defaultValue = "https://api.mch.weixin.qq.com")
    String baseUrl;

    @Inject
    @ConfigProperty(name = "leiming.wechatpay.mch-id")
    Optional<String> mchId;

    @Inject
    @ConfigProperty(name = "leiming.wechatpay.app-id")
    Optional<String> appId;

    @Inject
    @ConfigProperty(name = "leiming.wechatpay.merchant-serial")
    Optional<String> merchantSerial;

    /** Path of the merchant's API private key (PKCS#8 PEM, apiclient_key.pem). */
    @Inject
    @ConfigProperty(name = "leiming.wechatpay.merchant-private-key")
    Optional<String> merchantKeyPath;

    /** Path of WeChat Pay's public key (PEM) that signs responses and notifications. */
    @Inject
    @ConfigProperty(name = "leiming.wechatpay.platform-public-key")
    Optional<String> platformKeyPath;

    /** When set, the Wechatpay-Serial of responses and notifications must be this one. */
    @Inject
    @ConfigProperty(name = "leiming.wechatpay.platform-serial")
    Optional<String> platformSerial;

    @Inject
    @ConfigProperty(name = "leiming.wechatpay.api-v3-key")
    Optional<String> apiV3Key;

    /** Where WeChat Pay sends payment and refund notifications: this server's public URL of the notify endpoint. */
    @Inject
    @ConfigProperty(name = "leiming.wechatpay.notify-url", defaultValue = "http://localhost:9080/api/v1/payments/wechat/notify")
    String notifyUrl;

    @Inject
    @ConfigProperty(name = "leiming.wechatpay.notification-max-age", defaultValue = "PT5M")
    Duration notificationMaxAge;

    private HttpClient client;
    private PrivateKey merchantKey;
    private PublicKey platformKey;

    @PostConstruct
    void init() {
        client = JsonHttp.client();
        if (merchantKeyPath.isEmpty() || platformKeyPath.isEmpty() || apiV3Key.isEmpty() || mchId.isEmpty()
                || appId.isEmpty() || merchantSerial.isEmpty()) {
            LOG.info("WeChat Pay is not configured (leiming.wechatpay.*): orders cannot be paid on this server");
            return;
        }
        try {
            merchantKey = WechatPayCrypto.privateKey(Files.readString(Path.of(merchantKeyPath.get())));
            platformKey = WechatPayCrypto.publicKey(Files.readString(Path.of(platformKeyPath.get())));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the WeChat Pay keys", e);
        }
        if (apiV3Key.get().getBytes(StandardCharsets.UTF_8).length != 32) {
            throw new IllegalStateException("leiming.wechatpay.api-v3-key must be the 32-character APIv3 key");
        }
    }

    public boolean configured() {
        return merchantKey != null;
    }

    /** Asks for a JSAPI prepay id for an order (out_trade_no = the order number); amounts in fen. */
    @Timeout(value = 6, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 300, jitter = 100, abortOn = BusinessException.class)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 30, delayUnit = ChronoUnit.SECONDS,
            skipOn = BusinessException.class)
    public String prepay(String outTradeNo, String description, long totalFen, String openid, Instant payBefore) {
        String body = Json.createObjectBuilder().add("appid", appId.orElseThrow()).add("mchid", mchId.orElseThrow())
                .add("description", description).add("out_trade_no", outTradeNo)
                .add("time_expire", payBefore.truncatedTo(ChronoUnit.SECONDS).toString().replace("Z", "+00:00"))
                .add("notify_url", notifyUrl)
                .add("amount", Json.createObjectBuilder().add("total", totalFen).add("currency", "CNY"))
                .add("payer", Json.createObjectBuilder().add("openid", openid)).build().toString();
        return call("/v3/pay/transactions/jsapi", body, reply -> reply.getString("prepay_id"));
    }

    /** Asks for a refund of part or all of a paid order; the answer comes again by notification. */
    @Timeout(value = 6, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 300, jitter = 100, abortOn = BusinessException.class)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 30, delayUnit = ChronoUnit.SECONDS,
            skipOn = BusinessException.class)
    public String refund(String outTradeNo, String outRefundNo, long refundFen, long totalFen, String reason) {
        String body = Json.createObjectBuilder().add("out_trade_no", outTradeNo).add("out_refund_no", outRefundNo)
                .add("reason", reason).add("notify_url", notifyUrl)
                .add("amount", Json.createObjectBuilder().add("refund", refundFen).add("total", totalFen)
                        .add("currency", "CNY")).build().toString();
        return call("/v3/refund/domestic/refunds", body, reply -> reply.getString("refund_id"));
    }

    /** What wx.requestPayment needs, signed with the merchant key (signType RSA). */
    public JsapiPayment paymentParameters(String prepayId) {
        String timeStamp = Long.toString(Instant.now().getEpochSecond());
        String nonce = nonce();
        String pkg = "prepay_id=" + prepayId;
        String paySign = WechatPayCrypto.sign(merchantKey, WechatPayCrypto.message(appId.orElseThrow(), timeStamp,
                nonce, pkg));
        return new JsapiPayment(appId.orElseThrow(), timeStamp, nonce, pkg, "RSA", paySign);
    }

    /**
     * Checks a notification's platform signature over the exact body and its age, then decrypts its
     * resource. Throws {@link ForgedNotification} for anything that does not hold.
     */
    public Notification open(String timestamp, String nonce, String signature, String serial, String body) {
        if (!configured()) {
            throw new ForgedNotification("WeChat Pay is not configured here");
        }
        if (platformSerial.isPresent() && !platformSerial.get().equals(serial)) {
            throw new ForgedNotification("unknown platform serial " + serial);
        }
        long sentAt;
        try {
            sentAt = Long.parseLong(timestamp == null ? "" : timestamp.strip());
        } catch (NumberFormatException e) {
            throw new ForgedNotification("no timestamp");
        }
        if (Math.abs(Instant.now().getEpochSecond() - sentAt) > notificationMaxAge.toSeconds()) {
            throw new ForgedNotification("stale timestamp " + timestamp);
        }
        if (nonce == null || !WechatPayCrypto.verify(platformKey, WechatPayCrypto.message(timestamp.strip(), nonce,
                body), signature)) {
            throw new ForgedNotification("bad signature");
        }
        try {
            JsonObject envelope = json(body);
            JsonObject resource = envelope.getJsonObject("resource");
            if (!"AEAD_AES_256_GCM".equals(resource.getString("algorithm"))) {
                throw new ForgedNotification("unknown algorithm " + resource.getString("algorithm"));
            }
            String plain = WechatPayCrypto.decrypt(apiV3Key.orElseThrow().getBytes(StandardCharsets.UTF_8),
                    resource.getString("associated_data", ""), resource.getString("nonce"),
                    resource.getString("ciphertext"));
            JsonObject content = json(plain);
            if (content.containsKey("mchid") && !mchId.orElseThrow().equals(content.getString("mchid"))) {
                throw new ForgedNotification("another merchant's notification");
            }
            return new Notification(envelope.getString("id"), envelope.getString("event_type"), content);
        } catch (GeneralSecurityException | RuntimeException e) {
            if (e instanceof ForgedNotification forged) {
                throw forged;
            }
            throw new ForgedNotification("unreadable resource: " + e.getClass().getSimpleName());
        }
    }

    public String appId() {
        return appId.orElse(null);
    }

    private <T> T call(String path, String body, Function<JsonObject, T> read) {
        if (!configured()) {
            throw new BusinessException(ErrorKind.UNAVAILABLE, "PAYMENT_UNAVAILABLE", "在线支付暂未开通");
        }
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        String nonce = nonce();
        String signature = WechatPayCrypto.sign(merchantKey, WechatPayCrypto.message("POST", path, timestamp, nonce, body));
        String authorization = "WECHATPAY2-SHA256-RSA2048 mchid=\"" + mchId.orElseThrow() + "\",nonce_str=\"" + nonce
                + "\",signature=\"" + signature + "\",timestamp=\"" + timestamp + "\",serial_no=\""
                + merchantSerial.orElseThrow() + "\"";
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(5))
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("WeChat Pay unreachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted calling WeChat Pay", e);
        }
        if (response.statusCode() / 100 != 2) {
            LOG.warning(() -> "WeChat Pay " + path + " answered " + response.statusCode() + ": " + response.body());
            if (response.statusCode() / 100 == 4) {
                throw new BusinessException(ErrorKind.UNAVAILABLE, "PAYMENT_REFUSED", "微信支付拒绝了请求，请稍后再试");
            }
            throw new IllegalStateException("WeChat Pay " + path + " answered " + response.statusCode());
        }
        String ts = response.headers().firstValue("Wechatpay-Timestamp").orElse("");
        String rn = response.headers().firstValue("Wechatpay-Nonce").orElse("");
        String sig = response.headers().firstValue("Wechatpay-Signature").orElse(null);
        if (!WechatPayCrypto.verify(platformKey, WechatPayCrypto.message(ts, rn, response.body()), sig)) {
            throw new IllegalStateException("WeChat Pay's answer to " + path + " is not signed by the platform key");
        }
        return read.apply(json(response.body()));
    }

    private static String nonce() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().withUpperCase().formatHex(bytes);
    }

    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    /** The parameters of wx.requestPayment (seed: 确认信息 -> pay). */
    public record JsapiPayment(String appId, String timeStamp, String nonceStr,
            @JsonbProperty("package") String packageValue, String signType, String paySign) {
    }

    /** A verified, decrypted notification: its id, event type (TRANSACTION.SUCCESS, REFUND.SUCCESS...) and content. */
    public record Notification(String id, String eventType, JsonObject content) {
    }

    /** A notification that did not pass: not processed, answered with an error. */
    @ApplicationException(rollback = true)
    public static class ForgedNotification extends RuntimeException {

        private static final long serialVersionUID = 1L;

        public ForgedNotification(String why) {
            super(why);
        }
    }
}
