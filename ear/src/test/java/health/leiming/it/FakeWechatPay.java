package health.leiming.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * WeChat Pay API v3 over real HTTP, as the server under test meets it: it checks the merchant's
 * request signatures, answers prepay, refund, query and close requests signed with its platform key,
 * keeps each transaction's state (open, paid, closed: a closed one cannot be paid), and sends
 * payment and refund notifications the way WeChat Pay does (platform-signed, resource encrypted
 * with AEAD_AES_256_GCM under the APIv3 key). Independent of the server's code: its own crypto.
 */
final class FakeWechatPay {

    static final String MCH_ID = "1900000109";
    static final String APP_ID = "wxd678efh567hg6787";
    static final String PLATFORM_SERIAL = "PUB_KEY_ID_TEST0001";
    static final String API_V3_KEY = "TestApiV3Key0123456789abcdefABCD";
    private static final Pattern AUTH = Pattern.compile("WECHATPAY2-SHA256-RSA2048 mchid=\"([^\"]+)\",nonce_str=\"([^\"]+)\","
            + "signature=\"([^\"]+)\",timestamp=\"([^\"]+)\",serial_no=\"([^\"]+)\"");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static FakeWechatPay instance;

    private final PublicKey merchantKey;
    private final PrivateKey platformKey;
    /** Prepay requests by out_trade_no, in order of arrival. */
    final Map<String, List<JsonObject>> prepays = new ConcurrentHashMap<>();
    /** Refund requests by out_refund_no. */
    final Map<String, List<JsonObject>> refunds = new ConcurrentHashMap<>();
    final List<String> rejectedSignatures = new CopyOnWriteArrayList<>();
    volatile boolean refusing;

    /** Transactions by out_trade_no, opened by a prepay: NOTPAY until paid or closed. */
    final Map<String, Trade> trades = new ConcurrentHashMap<>();
    /** Refunds taken, by out_refund_no: PROCESSING until {@link #completeRefund}. */
    final Map<String, String> refundStates = new ConcurrentHashMap<>();
    /** Queries of transactions and refunds, and closes, by number, in order of arrival. */
    final List<String> queries = new CopyOnWriteArrayList<>();
    final List<String> closes = new CopyOnWriteArrayList<>();

    /** A transaction at WeChat Pay. */
    static final class Trade {
        final long totalFen;
        volatile String state = "NOTPAY";
        volatile String transactionId;
        volatile Instant successTime;

        Trade(long totalFen) {
            this.totalFen = totalFen;
        }
    }

    private record Reply(int status, String body) {

        static Reply ok(JsonObject body) {
            return new Reply(200, body.toString());
        }

        static Reply error(int status, String code, String message) {
            return new Reply(status, Json.createObjectBuilder().add("code", code).add("message", message).build()
                    .toString());
        }
    }

    /** Trade bill lines by bill day, as the test sets them; a day without lines has no bill (NO_STATEMENT_EXIST). */
    final Map<java.time.LocalDate, List<String>> billLines = new ConcurrentHashMap<>();
    /** Gzipped bills ready for download, by token. */
    private final Map<String, byte[]> downloads = new ConcurrentHashMap<>();
    /** When set, the bills downloaded do not match the hash WeChat Pay states (a damaged download). */
    volatile boolean damagedBills;
    private final int port;

    private static final String BILL_HEADER = "交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,"
            + "交易状态,付款银行,货币种类,应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,"
            + "商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,费率备注";

    private FakeWechatPay(int port) throws IOException, GeneralSecurityException {
        this.port = port;
        merchantKey = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der("merchant-public.pem")));
        platformKey = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der("platform-private.pem")));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/v3/pay/transactions/jsapi", exchange -> handle(exchange, (method, path, body) -> {
            prepays.computeIfAbsent(body.getString("out_trade_no"), k -> new CopyOnWriteArrayList<>()).add(body);
            trades.putIfAbsent(body.getString("out_trade_no"),
                    new Trade(body.getJsonObject("amount").getJsonNumber("total").longValueExact()));
            return Reply.ok(Json.createObjectBuilder().add("prepay_id", "wx" + HexFormat.of().formatHex(bytes(14))).build());
        }));
        server.createContext("/v3/pay/transactions/out-trade-no/", exchange -> handle(exchange, (method, path, body) -> {
            String rest = path.substring("/v3/pay/transactions/out-trade-no/".length());
            if ("POST".equals(method) && rest.endsWith("/close")) {
                return close(rest.substring(0, rest.length() - "/close".length()));
            }
            String outTradeNo = rest.contains("?") ? rest.substring(0, rest.indexOf('?')) : rest;
            queries.add(outTradeNo);
            Trade trade = trades.get(outTradeNo);
            if (trade == null) {
                return Reply.error(404, "ORDER_NOT_EXIST", "订单不存在");
            }
            return Reply.ok(queried(outTradeNo, trade));
        }));
        server.createContext("/v3/refund/domestic/refunds", exchange -> handle(exchange, (method, path, body) -> {
            if ("GET".equals(method)) {
                String outRefundNo = path.substring("/v3/refund/domestic/refunds/".length());
                queries.add(outRefundNo);
                String state = refundStates.get(outRefundNo);
                return state == null ? Reply.error(404, "RESOURCE_NOT_EXISTS", "退款单不存在")
                        : Reply.ok(Json.createObjectBuilder().add("out_refund_no", outRefundNo)
                                .add("refund_id", "5030" + outRefundNo).add("status", state).build());
            }
            refunds.computeIfAbsent(body.getString("out_refund_no"), k -> new CopyOnWriteArrayList<>()).add(body);
            refundStates.putIfAbsent(body.getString("out_refund_no"), "PROCESSING");
            return Reply.ok(Json.createObjectBuilder().add("refund_id", "5030" + HexFormat.of().formatHex(bytes(10)))
                    .add("out_refund_no", body.getString("out_refund_no")).add("status", "PROCESSING").build());
        }));
        server.createContext("/v3/bill/tradebill", exchange -> handle(exchange, (method, path, body) -> tradeBill(path)));
        server.createContext("/v3/billdownload/file", this::download);
        server.start();
    }

    /** A payment line of the day's bill (amount in fen, written in yuan as WeChat Pay does). */
    void billPaid(java.time.LocalDate day, String outTradeNo, long fen, String transactionId) {
        billLines.computeIfAbsent(day, d -> new CopyOnWriteArrayList<>()).add(billLine(day, transactionId, outTradeNo,
                "SUCCESS", yuan(fen), "", "0.00", "", yuan(fen), "0.00"));
    }

    /** A refund line of the day's bill with WeChat Pay's state of it when the bill was made. */
    void billRefund(java.time.LocalDate day, String outTradeNo, String outRefundNo, long fen, String state) {
        billLines.computeIfAbsent(day, d -> new CopyOnWriteArrayList<>()).add(billLine(day, "4200" + outTradeNo,
                outTradeNo, "REFUND", "0.00", outRefundNo, yuan(fen), state, "0.00", yuan(fen)));
    }

    private static String billLine(java.time.LocalDate day, String transactionId, String outTradeNo, String state,
            String settled, String outRefundNo, String refund, String refundState, String total, String askedRefund) {
        String[] fields = {day + " 10:00:00", APP_ID, MCH_ID, "0", "", transactionId, outTradeNo, "o-test", "JSAPI", state,
                "OTHERS", "CNY", settled, "0.00", outRefundNo.isEmpty() ? "0" : "5030" + outRefundNo, outRefundNo, refund,
                "0.00", outRefundNo.isEmpty() ? "" : "ORIGINAL", refundState, "陪诊服务", "", "0.00", "0.60%", total,
                askedRefund, ""};
        return "`" + String.join(",`", fields);
    }

    private static String yuan(long fen) {
        return java.math.BigDecimal.valueOf(fen).movePointLeft(2).setScale(2).toPlainString();
    }

    private Reply tradeBill(String pathAndQuery) {
        Matcher date = Pattern.compile("bill_date=(\\d{4}-\\d{2}-\\d{2})").matcher(pathAndQuery);
        if (!date.find() || !pathAndQuery.contains("tar_type=GZIP")) {
            return Reply.error(400, "PARAM_ERROR", "参数错误");
        }
        List<String> lines = billLines.get(java.time.LocalDate.parse(date.group(1)));
        if (lines == null) {
            return Reply.error(400, "NO_STATEMENT_EXIST", "当日无交易，无账单");
        }
        StringBuilder csv = new StringBuilder(BILL_HEADER).append("\r\n");
        lines.forEach(line -> csv.append(line).append("\r\n"));
        csv.append("总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额\r\n")
                .append("`").append(lines.size()).append(",`0.00,`0.00,`0.00,`0.00,`0.00,`0.00\r\n");
        byte[] plain = csv.toString().getBytes(StandardCharsets.UTF_8);
        String token = HexFormat.of().formatHex(bytes(12));
        try {
            var gzipped = new java.io.ByteArrayOutputStream();
            try (var gzip = new java.util.zip.GZIPOutputStream(gzipped)) {
                gzip.write(damagedBills ? (csv + "`tampered\r\n").getBytes(StandardCharsets.UTF_8) : plain);
            }
            downloads.put(token, gzipped.toByteArray());
            String hash = HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-1").digest(plain));
            return Reply.ok(Json.createObjectBuilder().add("hash_type", "SHA1").add("hash_value", hash)
                    .add("download_url", "http://127.0.0.1:" + port + "/v3/billdownload/file?token=" + token).build());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The bill file: the request must be signed like any other; the answer is not (WeChat Pay's rule). */
    private void download(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI uri = exchange.getRequestURI();
            String path = uri.getRawPath() + "?" + uri.getRawQuery();
            Matcher auth = AUTH.matcher(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            if (!auth.matches() || !verify(merchantKey, message("GET", path, auth.group(4), auth.group(2), ""),
                    auth.group(3))) {
                rejectedSignatures.add(path);
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            byte[] file = downloads.remove(String.valueOf(uri.getRawQuery()).replace("token=", ""));
            if (file == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
            exchange.sendResponseHeaders(200, file.length);
            exchange.getResponseBody().write(file);
        }
    }

    private Reply close(String outTradeNo) {
        closes.add(outTradeNo);
        Trade trade = trades.get(outTradeNo);
        if (trade != null && "SUCCESS".equals(trade.state)) {
            return Reply.error(400, "ORDERPAID", "订单已支付");
        }
        if (trade != null) {
            trade.state = "CLOSED";
        }
        return new Reply(204, "");
    }

    private static JsonObject queried(String outTradeNo, Trade trade) {
        var answer = Json.createObjectBuilder().add("appid", APP_ID).add("mchid", MCH_ID).add("out_trade_no", outTradeNo)
                .add("trade_type", "JSAPI").add("trade_state", trade.state).add("trade_state_desc", trade.state)
                .add("amount", Json.createObjectBuilder().add("total", trade.totalFen).add("currency", "CNY"));
        if (trade.transactionId != null) {
            answer.add("transaction_id", trade.transactionId).add("success_time", trade.successTime.toString())
                    .add("payer", Json.createObjectBuilder().add("openid", "o-test"));
        }
        return answer.build();
    }

    /**
     * The member pays the order at WeChat Pay (its prepay must exist and be open). With {@code notify},
     * WeChat Pay tells the server as it does; without, the notification is lost. False when WeChat Pay
     * refuses: the transaction was closed, or is unknown.
     */
    boolean pay(String outTradeNo, boolean notify) {
        Trade trade = trades.get(outTradeNo);
        if (trade == null) {
            return false;
        }
        synchronized (trade) {
            if (!"NOTPAY".equals(trade.state)) {
                return false;
            }
            trade.state = "SUCCESS";
            trade.transactionId = "4200" + System.nanoTime();
            trade.successTime = Instant.now();
        }
        if (notify) {
            notify(notificationBody("TRANSACTION.SUCCESS", transaction(outTradeNo, trade.totalFen, trade.transactionId)));
        }
        return true;
    }

    /**
     * Marks an open transaction paid with the given transaction id and amount, as when the test sends the
     * notification itself; false when WeChat Pay would not have taken the money (closed, unknown, other amount).
     */
    boolean markPaid(String outTradeNo, String transactionId, long fen) {
        Trade trade = trades.get(outTradeNo);
        if (trade == null || trade.totalFen != fen) {
            return false;
        }
        synchronized (trade) {
            if (!"NOTPAY".equals(trade.state)) {
                return false;
            }
            trade.state = "SUCCESS";
            trade.transactionId = transactionId;
            trade.successTime = Instant.now();
            return true;
        }
    }

    /** WeChat Pay pays a refund it took; its notification is lost unless the test sends one. */
    void completeRefund(String outRefundNo) {
        refundStates.replace(outRefundNo, "PROCESSING", "SUCCESS");
    }

    static synchronized FakeWechatPay get() {
        if (instance == null) {
            try {
                instance = new FakeWechatPay(Integer.getInteger("leiming.it.wechatpay-port", 18090));
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalStateException("Cannot start the fake WeChat Pay", e);
            }
        }
        return instance;
    }

    private interface Handler {
        Reply answer(String method, String pathAndQuery, JsonObject body);
    }

    private void handle(HttpExchange exchange, Handler handler) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            URI uri = exchange.getRequestURI();
            String path = uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
            Matcher auth = AUTH.matcher(exchange.getRequestHeaders().getFirst("Authorization") == null ? ""
                    : exchange.getRequestHeaders().getFirst("Authorization"));
            if (!auth.matches() || !MCH_ID.equals(auth.group(1)) || !verify(merchantKey,
                    message(exchange.getRequestMethod(), path, auth.group(4), auth.group(2), body), auth.group(3))) {
                rejectedSignatures.add(path);
                send(exchange, 401, "{\"code\":\"SIGN_ERROR\",\"message\":\"签名错误\"}", false);
                return;
            }
            if (refusing) {
                send(exchange, 500, "{\"code\":\"SYSTEM_ERROR\",\"message\":\"系统错误\"}", true);
                return;
            }
            JsonObject json = body.isBlank() ? Json.createObjectBuilder().build()
                    : Json.createReader(new StringReader(body)).readObject();
            Reply reply = handler.answer(exchange.getRequestMethod(), path, json);
            send(exchange, reply.status(), reply.body(), reply.status() / 100 == 2);
        } finally {
            exchange.close();
        }
    }

    private void send(HttpExchange exchange, int status, String body, boolean signed) throws IOException {
        if (signed) {
            String timestamp = Long.toString(Instant.now().getEpochSecond());
            String nonce = HexFormat.of().formatHex(bytes(16));
            exchange.getResponseHeaders().add("Wechatpay-Timestamp", timestamp);
            exchange.getResponseHeaders().add("Wechatpay-Nonce", nonce);
            exchange.getResponseHeaders().add("Wechatpay-Serial", PLATFORM_SERIAL);
            exchange.getResponseHeaders().add("Wechatpay-Signature", sign(message(timestamp, nonce, body)));
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    /** The plaintext of a successful payment of the order's amount (in fen). */
    static JsonObject transaction(String outTradeNo, long totalFen, String transactionId) {
        return Json.createObjectBuilder().add("appid", APP_ID).add("mchid", MCH_ID).add("out_trade_no", outTradeNo)
                .add("transaction_id", transactionId).add("trade_type", "JSAPI").add("trade_state", "SUCCESS")
                .add("trade_state_desc", "支付成功").add("bank_type", "OTHERS").add("success_time",
                        Instant.now().toString()).add("payer", Json.createObjectBuilder().add("openid", "o-test"))
                .add("amount", Json.createObjectBuilder().add("total", totalFen).add("payer_total", totalFen)
                        .add("currency", "CNY").add("payer_currency", "CNY")).build();
    }

    static JsonObject refundResult(String outTradeNo, String outRefundNo, long refundFen, long totalFen) {
        return Json.createObjectBuilder().add("mchid", MCH_ID).add("out_trade_no", outTradeNo)
                .add("transaction_id", "4200000000" + System.nanoTime()).add("out_refund_no", outRefundNo)
                .add("refund_id", "50300" + System.nanoTime()).add("refund_status", "SUCCESS")
                .add("success_time", Instant.now().toString()).add("amount", Json.createObjectBuilder()
                        .add("total", totalFen).add("refund", refundFen).add("payer_total", totalFen)
                        .add("payer_refund", refundFen)).build();
    }

    /** The body of a notification with the plaintext encrypted as WeChat Pay does. */
    static String notificationBody(String eventType, JsonObject plaintext) {
        String nonce = HexFormat.of().formatHex(bytes(6)); // 12 characters
        String associated = eventType.startsWith("REFUND") ? "refund" : "transaction";
        return Json.createObjectBuilder().add("id", "EV-" + System.nanoTime()).add("create_time", Instant.now().toString())
                .add("resource_type", "encrypt-resource").add("event_type", eventType)
                .add("summary", eventType.startsWith("REFUND") ? "退款成功" : "支付成功")
                .add("resource", Json.createObjectBuilder().add("original_type", associated)
                        .add("algorithm", "AEAD_AES_256_GCM").add("ciphertext", encrypt(plaintext.toString(), nonce,
                                associated)).add("associated_data", associated).add("nonce", nonce))
                .build().toString();
    }

    /** POSTs a notification to the server signed with the platform key (or with the given signature). */
    Api.Reply notify(String body, long timestamp, String signatureOverride) {
        return notify(Api.BASE, body, timestamp, signatureOverride);
    }

    /** To the server at base (one of a cluster's). */
    Api.Reply notify(String base, String body, long timestamp, String signatureOverride) {
        String ts = Long.toString(timestamp);
        String nonce = HexFormat.of().formatHex(bytes(16));
        String signature = signatureOverride != null ? signatureOverride : sign(message(ts, nonce, body));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/payments/wechat/notify"))
                .header("Content-Type", "application/json").header("Wechatpay-Timestamp", ts)
                .header("Wechatpay-Nonce", nonce).header("Wechatpay-Signature", signature)
                .header("Wechatpay-Serial", PLATFORM_SERIAL).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            return new Api.Reply(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Api.Reply notify(String body) {
        return notify(body, Instant.now().getEpochSecond(), null);
    }

    String sign(String message) {
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(platformKey);
            signature.update(message.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Checks a merchant signature (wx.requestPayment's paySign, say) with the merchant's public key. */
    boolean verifyMerchant(String message, String signature) {
        return verify(merchantKey, message, signature);
    }

    private static boolean verify(PublicKey key, String message, String signatureBase64) {
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initVerify(key);
            signature.update(message.getBytes(StandardCharsets.UTF_8));
            return signature.verify(Base64.getDecoder().decode(signatureBase64));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    static String message(String... parts) {
        StringBuilder message = new StringBuilder();
        for (String part : parts) {
            message.append(part).append('\n');
        }
        return message.toString();
    }

    private static String encrypt(String plaintext, String nonce, String associated) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(API_V3_KEY.getBytes(StandardCharsets.UTF_8), "AES"),
                    new GCMParameterSpec(128, nonce.getBytes(StandardCharsets.UTF_8)));
            cipher.updateAAD(associated.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] der(String resource) throws IOException {
        String pem = Files.readString(Path.of("src/test/resources/wechatpay", resource));
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
    }

    private static byte[] bytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
