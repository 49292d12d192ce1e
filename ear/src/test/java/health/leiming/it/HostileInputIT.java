package health.leiming.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Tried as an attacker would: every operation of the OpenAPI document, with hostile ids in the path,
 * hostile query values and hostile bodies, as a member and as an admin. No answer may be a 5xx (but the
 * documented 503 of an outside service that is down: the test runs without the WeChat and WeCom fakes),
 * name an exception, show a stack trace, or hang. (Each request comes from its own address, so the rate limit does not hide
 * anything behind a 429.)
 */
class HostileInputIT extends DeployedEar {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    private static final String LONG = "x".repeat(300);
    private static final List<String> PATH_VALUES = List.of(LONG, "' OR '1'='1", "../../etc/passwd", "-1",
            "00000000-0000-0000-0000-000000000000", "%00", "个人");
    private static final List<String> QUERY_VALUES = List.of(LONG, "'; DROP TABLE users; --", "-1",
            "99999999999999999999", "2026-13-45", "<script>alert(1)</script>", "");
    private static final List<String> FIELD_VALUES = List.of("null", "\"" + LONG + "\"", "-1", "1e308", "true", "[]",
            "{}", "[null]", "\"<script>alert(1)</script>\"", "\"2026-13-45T99:99:99Z\"");
    private static final List<String> BODIES = List.of("{}", "null", "[]", "\"text\"", "{", "{\"a\":", "[[[[[[[[[[]]]]]]]]]]");

    private final Api api = new Api();

    @Test
    void noHostileRequestAnswers5xxOrAStackTrace() {
        JsonObject document = api.openApi();
        String member = api.login(Api.newPhone()).token();
        String admin = new Care(api).adminToken();
        List<String> failures = new ArrayList<>();
        int sent = 0;
        JsonObject paths = document.getJsonObject("paths");
        for (String path : paths.keySet()) {
            for (var entry : paths.getJsonObject(path).entrySet()) {
                if (!METHODS.contains(entry.getKey())) {
                    continue;
                }
                String method = entry.getKey().toUpperCase();
                JsonObject operation = entry.getValue().asJsonObject();
                for (String token : List.of(member, admin)) {
                    for (Attempt attempt : attempts(document, path, operation)) {
                        sent++;
                        check(method, attempt, token, failures);
                    }
                }
            }
        }
        assertEquals(List.of(), failures);
        assertTrue(sent > 2000, "every operation was tried: " + sent + " requests");
    }

    private record Attempt(String uri, String body) {
    }

    private static List<Attempt> attempts(JsonObject document, String path, JsonObject operation) {
        String plain = path.replaceAll("\\{[^}]+}", "00000000-0000-0000-0000-000000000000");
        List<Attempt> attempts = new ArrayList<>();
        if (path.contains("{")) {
            for (String value : PATH_VALUES) {
                attempts.add(new Attempt(path.replaceAll("\\{[^}]+}", encode(value)), "{}"));
            }
        }
        for (JsonValue parameter : operation.getJsonArray("parameters") == null ? List.<JsonValue>of()
                : operation.getJsonArray("parameters")) {
            JsonObject p = parameter.asJsonObject();
            if ("query".equals(p.getString("in", ""))) {
                for (String value : QUERY_VALUES) {
                    attempts.add(new Attempt(plain + "?" + p.getString("name") + "=" + encode(value), "{}"));
                }
            }
        }
        if (operation.containsKey("requestBody")) {
            for (String body : BODIES) {
                attempts.add(new Attempt(plain, body));
            }
            for (String field : fields(document, operation.getJsonObject("requestBody"))) {
                for (String value : FIELD_VALUES) {
                    attempts.add(new Attempt(plain, "{\"" + field + "\":" + value + "}"));
                }
            }
        }
        if (attempts.isEmpty()) {
            attempts.add(new Attempt(plain, "{}"));
        }
        return attempts;
    }

    /** The top-level property names of the request body's JSON schema (following one $ref). */
    private static List<String> fields(JsonObject document, JsonObject requestBody) {
        JsonObject media = requestBody.getJsonObject("content") == null ? null
                : requestBody.getJsonObject("content").getJsonObject("application/json");
        if (media == null || !media.containsKey("schema")) {
            return List.of();
        }
        JsonObject schema = media.getJsonObject("schema");
        if (schema.containsKey("$ref")) {
            String name = schema.getString("$ref").substring("#/components/schemas/".length());
            schema = document.getJsonObject("components").getJsonObject("schemas").getJsonObject(name);
        }
        return schema != null && schema.containsKey("properties") ? List.copyOf(schema.getJsonObject("properties").keySet())
                : List.of();
    }

    private void check(String method, Attempt attempt, String token, List<String> failures) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        HttpRequest.Builder request = api.request(attempt.uri(), token)
                .setHeader("X-Forwarded-For", "172." + r.nextInt(16, 32) + "." + r.nextInt(256) + "." + r.nextInt(1, 255))
                .header("Content-Type", "application/json")
                .method(method, method.equals("GET") || method.equals("DELETE") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(attempt.body()));
        Api.Reply reply;
        try {
            reply = api.send(request);
        } catch (RuntimeException e) {
            failures.add(method + " " + attempt.uri() + " " + attempt.body() + ": no answer (" + e + ")");
            return;
        }
        String raw = reply.raw() == null ? "" : reply.raw();
        boolean outage = reply.status() == 503 && raw.matches("(?s).*\"errorCode\":\"[A-Z_]+_(UNAVAILABLE|SEND_FAILED)\".*");
        if (reply.status() >= 500 && !outage || raw.contains("Exception") || raw.contains("\tat ")) {
            int exception = raw.indexOf("Exception");
            failures.add(method + " " + shorten(attempt.uri()) + " " + shorten(attempt.body()) + " -> " + reply.status()
                    + " " + shorten(exception < 0 ? raw : raw.substring(Math.max(0, exception - 200))));
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String shorten(String text) {
        return text.length() > 160 ? text.substring(0, 160) + "..." : text;
    }
}
