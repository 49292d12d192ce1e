package health.leiming.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

/**
 * Speaks HTTP to the running server the way the mini-program does. Each Api is its own client (its
 * own X-Forwarded-For address, which the test server trusts), so rate limits of one test do not
 * spill into another.
 */
final class Api {

    static final String BASE = System.getProperty("leiming.it.base-url", "http://localhost:9080");

    /** The operations port: Liberty's health, metrics and OpenAPI endpoints answer there and only there. */
    static final String OPS = System.getProperty("leiming.it.ops-url", "http://localhost:9081");

    // HTTP/1.1: one connection per concurrent request, as phones make them (HTTP/2 would cap the streams of one connection).
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    final String clientAddress;

    private final HttpClient http;

    Api() {
        this(HTTP);
    }

    /** A client over its own connections (Crowd: a burst must not pick up a pooled connection the server is closing). */
    Api(HttpClient http) {
        FakeSmsGateway.get(); // the server sends its SMS there: it must listen before the first request
        ThreadLocalRandom r = ThreadLocalRandom.current();
        clientAddress = "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(1, 255);
        this.http = http;
    }

    static HttpClient newHttpClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    Reply get(String path, String token) {
        return send(request(path, token).GET());
    }

    Reply post(String path, String json, String token) {
        return send(request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Reply put(String path, String json, String token) {
        return send(request(path, token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpRequest.Builder request(String path, String token) {
        // a path on the public port, or a whole URL (Api.OPS + "/health/ready")
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : BASE + path))
                .timeout(Duration.ofSeconds(30))
                .header("X-Forwarded-For", clientAddress);
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The server's OpenAPI document, as JSON. */
    JsonObject openApi() {
        Reply reply = send(request(OPS + "/openapi", null).header("Accept", "application/json").GET());
        assertEquals(200, reply.status());
        return Json.createReader(new StringReader(reply.raw())).readObject();
    }

    /** A fresh mainland mobile number nobody has used yet. */
    static String newPhone() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    static String json(String... keyValues) {
        var builder = Json.createObjectBuilder();
        for (int i = 0; i < keyValues.length; i += 2) {
            builder.add(keyValues[i], keyValues[i + 1]);
        }
        return builder.build().toString();
    }

    /**
     * Requests a code (read from the fake SMS gateway) and logs in with it, from the member's own phone
     * (an address of its own: the per-address caps on codes and logins are not what these tests test).
     */
    Session login(String phone) {
        Session session = loginWithoutConsent(phone);
        new Api().acceptAll(session.token()); // from the member's own address too
        return session;
    }

    /** Accepts the current version of every consent document, as a member does at registration. */
    void acceptAll(String token) {
        var items = Json.createArrayBuilder();
        for (JsonObject document : get("/api/v1/privacy/documents", null).dataArray().getValuesAs(JsonObject.class)) {
            items.add(Json.createObjectBuilder().add("kind", document.getString("kind"))
                    .add("version", document.getInt("version")));
        }
        Reply accepted = post("/api/v1/privacy/consents", Json.createObjectBuilder().add("consents", items).build().toString(),
                token);
        assertEquals(200, accepted.status(), accepted.raw());
    }

    /** Logs in as {@link #login} does, without accepting any consent (the privacy tests). */
    Session loginWithoutConsent(String phone) {
        Api device = new Api();
        Reply sent = device.post("/api/v1/auth/sms-code", json("phone", phone, "scene", "login"), null);
        assertEquals(200, sent.status(), sent.raw());
        String code = FakeSmsGateway.get().latestCode(phone);
        Reply login = device.post("/api/v1/auth/login", json("phone", phone, "code", code), null);
        assertEquals(200, login.status(), login.raw());
        JsonObject data = login.data();
        return new Session(phone, data.getString("token"), data.getString("refreshToken"),
                data.getJsonObject("user").getString("id"));
    }

    /** Polls until the condition holds (for asynchronous effects such as messages via the broker). */
    Reply await(String path, String token, Predicate<Reply> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Reply last;
        do {
            last = get(path, token);
            if (condition.test(last)) {
                return last;
            }
            FakeSmsGateway.sleep(500);
        } while (System.nanoTime() < deadline);
        return last;
    }

    record Session(String phone, String token, String refreshToken, String memberId) {
    }

    record Reply(int status, String raw, HttpHeaders headers) {

        JsonObject body() {
            JsonStructure parsed = Json.createReader(new StringReader(raw)).read();
            return parsed.asJsonObject();
        }

        JsonObject data() {
            return body().getJsonObject("data");
        }

        jakarta.json.JsonArray dataArray() {
            return body().getJsonArray("data");
        }

        String errorCode() {
            return body().getString("errorCode");
        }

        boolean success() {
            return body().getBoolean("success");
        }

        boolean hasData() {
            JsonValue data = body().get("data");
            return data != null && data.getValueType() != JsonValue.ValueType.NULL;
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }
}
