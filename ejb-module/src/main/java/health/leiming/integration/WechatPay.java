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
 * refunds, querying and closing transactions, querying refunds, and the verification and decryption of WeChat Pay's notifications. Merchant id, app id,
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

    /**
     * The transaction of an order as WeChat Pay has it (trade_state SUCCESS, NOTPAY, CLOSED, USERPAYING...),
     * or empty when WeChat Pay has none (it never took a prepay for it). Asked when a notification is overdue.
     */
    @Timeout(value = 6, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 300, jitter = 100, abortOn = BusinessException.class)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 30, delayUnit = ChronoUnit.SECONDS,
            skipOn = BusinessException.class)
    public Optional<JsonObject> queryTransaction(String outTradeNo) {
        return find("/v3/pay/transactions/out-trade-no/" + pathSegment(outTradeNo) + "?mchid=" + mchId.orElseThrow(),
                "ORDER_NOT_EXIST");
    }

    /**
     * Closes an unpaid transaction, so that it can no longer be paid. Closing one that is closed already
     * is done; one that was paid meanwhile answers {@link TransactionPaid}.
     */
    @Timeout(value = 6, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 300, jitter = 100, abortOn = {BusinessException.class, TransactionPaid.class})
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 30, delayUnit = ChronoUnit.SECONDS,
            skipOn = {BusinessException.class, TransactionPaid.class})
    public void close(String outTradeNo) {
        String path = "/v3/pay/transactions/out-trade-no/" + pathSegment(outTradeNo) + "/close";
        Answer answer = exchange("POST", path, Json.createObjectBuilder().add("mchid", mchId.orElseThrow()).build()
                .toString());
        if (answer.ok() || "ORDER_CLOSED".equals(answer.errorCode())) {
            return;
        }
        if ("ORDERPAID".equals(answer.errorCode()) || "ORDER_PAID".equals(answer.errorCode())) {
            throw new TransactionPaid(outTradeNo);
        }
        throw answer.failure(path);
    }

    /**
     * A refund as WeChat Pay has it (status SUCCESS, PROCESSING, CLOSED or ABNORMAL), or empty when it
     * has none by that number. Asked when the refund's notification is overdue.
     */
    @Timeout(value = 6, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 300, jitter = 100, abortOn = BusinessException.class)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 30, delayUnit = ChronoUnit.SECONDS,
            skipOn = BusinessException.class)
    public Optional<JsonObject> queryRefund(String outRefundNo) {
        return find("/v3/refund/domestic/refunds/" + pathSegment(outRefundNo), "RESOURCE_NOT_EXISTS");
    }

    /** A GET of one thing at WeChat Pay; empty when it answers 404 with the given code (it has no such thing). */
    private Optional<JsonObject> find(String path, String notFoundCode) {
        Answer answer = exchange("GET", path, "");
        if (answer.status() == 404 && notFoundCode.equals(answer.errorCode())) {
            return Optional.empty();
        }
        if (!answer.ok()) {
            throw answer.failure(path);
        }
        return Optional.of(json(answer.body()));
    }

    /**
     * The trade bill of a day (bill_type ALL: the day's successful payments and the refunds it took), as
     * its CSV text: asked for (GET /v3/bill/tradebill), downloaded gzipped from the address WeChat Pay
     * gives, and checked against the SHA-1 it states. Empty when WeChat Pay has no bill for the day (no
     * trade that day, answered NO_STATEMENT_EXIST).
     */
    @Timeout(value = 60, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 2, delayUnit = ChronoUnit.SECONDS, abortOn = BusinessException.class)
    public Optional<String> tradeBill(java.time.LocalDate day) {
        String path = "/v3/bill/tradebill?bill_date=" + day + "&bill_type=ALL&tar_type=GZIP";
        Answer answer = exchange("GET", path, "");
        if (answer.status() / 100 == 4 && "NO_STATEMENT_EXIST".equals(answer.errorCode())) {
            return Optional.empty();
        }
        if (!answer.ok()) {
            throw answer.failure(path);
        }
        JsonObject bill = json(answer.body());
        URI download = URI.create(bill.getString("download_url"));
        if (!URI.create(baseUrl).getHost().equals(download.getHost())) {
            throw new IllegalStateException("WeChat Pay's bill address is on another host: " + download.getHost());
        }
        String pathAndQuery = download.getRawPath() + (download.getRawQuery() == null ? "" : "?" + download.getRawQuery());
        byte[] gzipped = download(pathAndQuery);
        byte[] plain;
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzipped))) {
            plain = in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("WeChat Pay's bill of " + day + " is not a gzip file", e);
        }
        String expected = bill.getString("hash_value", "");
        String actual;
        try {
            actual = HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-1").digest(plain));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        if (!"SHA1".equalsIgnoreCase(bill.getString("hash_type", "")) || !actual.equalsIgnoreCase(expected)) {
            throw new IllegalStateException("WeChat Pay's bill of " + day + " does not match its hash (" + expected
                    + " stated, " + actual + " downloaded)");
        }
        return Optional.of(new String(plain, StandardCharsets.UTF_8));
    }

    /** A bill file: a signed GET whose answer is not signed (WeChat Pay's rule for downloads); the hash checks it. */
    private byte[] download(String pathAndQuery) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery)).timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization("GET", pathAndQuery, "")).GET().build();
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("WeChat Pay's bill download answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("WeChat Pay unreachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted calling WeChat Pay", e);
        }
    }

    /** Our order and refund numbers are letters and digits; anything else is not sent into a URL. */
    private static String pathSegment(String number) {
        if (number == null || !number.matches("[A-Za-z0-9_*-]{1,64}")) {
            throw new IllegalArgumentException("Not a WeChat Pay merchant number: " + number);
        }
        return number;
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
        Answer answer = exchange("POST", path, body);
        if (!answer.ok()) {
            throw answer.failure(path);
        }
        return read.apply(json(answer.body()));
    }

    /**
     * One signed request to WeChat Pay and its answer; a 2xx answer's platform signature is checked
     * (an unsigned or wrongly signed one is an error, as from anyone else). Throws IllegalStateException
     * when WeChat Pay cannot be reached.
     */
    private Answer exchange(String method, String pathAndQuery, String body) {
        if (!configured()) {
            throw new BusinessException(ErrorKind.UNAVAILABLE, "PAYMENT_UNAVAILABLE", "在线支付暂未开通");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
                .timeout(Duration.ofSeconds(5)).header("Authorization", authorization(method, pathAndQuery, body))
                .header("Accept", "application/json");
        if ("GET".equals(method)) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        }
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("WeChat Pay unreachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted calling WeChat Pay", e);
        }
        Answer answer = new Answer(response.statusCode(), response.body());
        if (answer.ok()) {
            String ts = response.headers().firstValue("Wechatpay-Timestamp").orElse("");
            String rn = response.headers().firstValue("Wechatpay-Nonce").orElse("");
            String sig = response.headers().firstValue("Wechatpay-Signature").orElse(null);
            if (!WechatPayCrypto.verify(platformKey, WechatPayCrypto.message(ts, rn, response.body()), sig)) {
                throw new IllegalStateException("WeChat Pay's answer to " + pathAndQuery + " is not signed by the platform key");
            }
        } else {
            LOG.warning(() -> "WeChat Pay " + method + " " + pathAndQuery + " answered " + response.statusCode() + ": "
                    + shortened(response.body()));
        }
        return answer;
    }

    /** The Authorization header of a request: the merchant's signature over method, path, time, nonce and body. */
    private String authorization(String method, String pathAndQuery, String body) {
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        String nonce = nonce();
        String signature = WechatPayCrypto.sign(merchantKey, WechatPayCrypto.message(method, pathAndQuery, timestamp,
                nonce, body));
        return "WECHATPAY2-SHA256-RSA2048 mchid=\"" + mchId.orElseThrow() + "\",nonce_str=\"" + nonce
                + "\",signature=\"" + signature + "\",timestamp=\"" + timestamp + "\",serial_no=\""
                + merchantSerial.orElseThrow() + "\"";
    }

    /** WeChat Pay's answer: its status and body, and its error code when it is an error. */
    private record Answer(int status, String body) {

        boolean ok() {
            return status / 100 == 2;
        }

        String errorCode() {
            try {
                return json(body).getString("code", "");
            } catch (RuntimeException e) {
                return "";
            }
        }

        /** A refusal (4xx) is final for this request; anything else may pass if tried again. */
        RuntimeException failure(String path) {
            if (status / 100 == 4) {
                return new BusinessException(ErrorKind.UNAVAILABLE, "PAYMENT_REFUSED", "微信支付拒绝了请求，请稍后再试");
            }
            return new IllegalStateException("WeChat Pay " + path + " answered " + status);
        }
    }

    private static String shortened(String text) {
        return text == null || text.length() <= 300 ? text : text.substring(0, 300) + "...";
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

    /** WeChat Pay would not close a transaction because it has been paid. */
    public static class TransactionPaid extends RuntimeException {

        private static final long serialVersionUID = 1L;

        public TransactionPaid(String outTradeNo) {
            super("Transaction " + outTradeNo + " has been paid");
        }
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
