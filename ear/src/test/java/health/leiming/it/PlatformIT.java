package health.leiming.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What every endpoint shares: envelope, request ids, errors, rate limit, health, metrics, OpenAPI. */
class PlatformIT extends DeployedEar {

    private final Api api = new Api();

    @Test
    void theRequestIdIsEchoedInHeaderAndEnvelope() {
        Api.Reply reply = api.send(api.request("/api/v1/nowhere", null).header("X-Request-Id", "trace-42").GET());
        assertEquals("trace-42", reply.header("X-Request-Id"));
        assertEquals("trace-42", reply.body().getString("requestId"));

        Api.Reply generated = api.get("/api/v1/nowhere", null);
        assertNotNull(generated.header("X-Request-Id"));
        assertEquals(generated.header("X-Request-Id"), generated.body().getString("requestId"));
    }

    @Test
    void anUnknownRouteIs404InTheEnvelope() {
        Api.Reply reply = api.get("/api/v1/nowhere", null);
        assertEquals(404, reply.status());
        assertEquals("NOT_FOUND", reply.errorCode());
        assertEquals(false, reply.success());
        assertEquals(404, reply.body().getInt("code"), "the envelope's code is numeric and HTTP-like");
        long timestamp = reply.body().getJsonNumber("timestamp").longValueExact();
        assertTrue(Math.abs(System.currentTimeMillis() - timestamp) < 60_000, "timestamp in epoch milliseconds: " + timestamp);
    }

    @Test
    void everyAnswerForbidsSniffingAndPersonalAnswersAreNotCached() {
        Api.Session member = api.login(Api.newPhone());
        Api.Reply me = api.get("/api/v1/users/me", member.token());
        assertEquals("nosniff", me.header("X-Content-Type-Options"));
        assertEquals("no-store", me.header("Cache-Control"));
        assertEquals(null, me.header("Strict-Transport-Security"), "no HSTS over plain HTTP");
        Api.Reply catalog = api.get("/api/v1/services", null);
        assertTrue(catalog.header("Cache-Control").contains("max-age"), "the catalog keeps its own caching");
        Api.Reply behindTls = api.send(api.request("/api/v1/services", null).header("X-Forwarded-Proto", "https").GET());
        assertTrue(behindTls.header("Strict-Transport-Security").startsWith("max-age="));
    }

    @Test
    void aBodyOverTheCapIsRefusedBeforeItIsRead() {
        String phone = Api.newPhone();
        String huge = "{\"phone\":\"" + phone + "\",\"scene\":\"login\",\"pad\":\"" + "x".repeat(300_000) + "\"}";
        Api.Reply refused = api.post("/api/v1/auth/sms-code", huge, null);
        assertEquals(413, refused.status(), refused.raw());
        assertEquals("BODY_TOO_LARGE", refused.errorCode());
        FakeSmsGateway.sleep(500);
        assertEquals(0, FakeSmsGateway.get().count(phone), "no code was sent");
    }

    /** The product document's envelope (section 5.2), which the mini-program is written against. */
    @Test
    void aSuccessAnswersCode200AndEpochMillisecondsWithoutAnErrorCode() {
        Api.Reply reply = api.get("/api/v1/services", null);
        assertEquals(200, reply.status());
        assertEquals(true, reply.success());
        assertEquals(200, reply.body().getInt("code"));
        assertEquals("操作成功", reply.body().getString("message"));
        assertFalse(reply.body().containsKey("errorCode"), reply.raw());
        long timestamp = reply.body().getJsonNumber("timestamp").longValueExact();
        assertTrue(Math.abs(System.currentTimeMillis() - timestamp) < 60_000, "timestamp in epoch milliseconds: " + timestamp);
        assertNotNull(reply.body().getString("requestId"));
    }

    @Test
    void aWrongMethodIs405InTheEnvelope() {
        Api.Reply reply = api.get("/api/v1/auth/login", null);
        assertEquals(405, reply.status());
        assertEquals("METHOD_NOT_ALLOWED", reply.errorCode());
    }

    @Test
    void tooManyRequestsFromOneClientGet429WithRetryAfter() {
        Api client = new Api();
        Api.Reply last = null;
        for (int i = 0; i < 260; i++) {
            last = client.get("/api/v1/nowhere", null);
            if (last.status() == 429) {
                break;
            }
        }
        assertEquals(429, last.status(), "the test server allows 240 requests a minute per client");
        assertEquals("RATE_LIMITED", last.errorCode());
        assertTrue(Long.parseLong(last.header("Retry-After")) >= 1);
        // another client is not affected
        assertEquals(404, new Api().get("/api/v1/nowhere", null).status());
    }

    @Test
    void readinessReportsDatabaseAndBroker() {
        Api.Reply ready = api.get(Api.OPS + "/health/ready", null);
        assertEquals(200, ready.status(), ready.raw());
        assertTrue(ready.raw().contains("\"database\""), ready.raw());
        assertTrue(ready.raw().contains("\"broker\""), ready.raw());
        assertEquals(200, api.get(Api.OPS + "/health/live", null).status());
    }

    @Test
    void registrationsAreCountedInThePrometheusOutput() {
        double before = registrations();
        api.login(Api.newPhone());
        assertEquals(before + 1, registrations(), 0.0001);
    }

    @Test
    void theOpenApiDocumentDescribesTheApi() {
        Api.Reply openapi = api.get(Api.OPS + "/openapi", null);
        assertEquals(200, openapi.status());
        assertTrue(openapi.raw().contains("/api/v1/auth/sms-code"), "login endpoints are documented");
        assertEquals(200, api.get(Api.OPS + "/openapi/ui/", null).status());
    }

    /**
     * Metrics, health and the API description answer on the operations port only: from the public port
     * (directly, or through a proxy that passes the public host name on) they are not there, and the
     * API is; on the operations port the API is not there.
     */
    @Test
    void operationsEndpointsAreNotOnThePublicPort() {
        for (String path : List.of("/metrics", "/metrics?scope=vendor", "/health/ready", "/health/live", "/openapi",
                "/openapi/ui/", "/ibm/api/")) {
            for (String host : List.of("localhost:9080", "api.hospital.example", "api.hospital.example:443")) {
                Api.Reply reply = api.send(api.request(path, null).header("Host", host).GET());
                assertEquals(404, reply.status(), path + " with Host " + host + ": " + reply.raw());
                assertFalse(reply.raw().contains("# TYPE") || reply.raw().contains("openapi:")
                        || reply.raw().contains("\"checks\""), path + " leaked: " + reply.raw());
            }
        }
        for (String host : List.of("api.hospital.example", "api.hospital.example:443", "api.hospital.example:8443")) {
            assertEquals(200, api.send(api.request("/api/v1/services", null).header("Host", host).GET()).status(),
                    "a reverse proxy that passes the public host name on reaches the API: " + host);
        }
        assertEquals(404, api.get(Api.OPS + "/api/v1/services", null).status(), "the API is not on the operations port");
    }

    /** The benchmark's cost-ladder endpoints are off unless the benchmark switches them on (production refuses to). */
    @Test
    void theBenchmarksCostLadderIsOff() {
        Api.Session member = api.login(Api.newPhone());
        for (String rung : List.of("anon", "noop", "ejb", "tx", "find")) {
            Api.Reply reply = api.get("/api/v1/bench/ladder/" + rung, member.token());
            assertEquals(404, reply.status(), rung + ": " + reply.raw());
        }
        assertEquals(404, api.get("/api/v1/bench/ladder/anon", null).status());
        assertEquals(404, api.get("/bench/servlet", null).status());
        assertFalse(api.openApi().getJsonObject("paths").keySet().stream().anyMatch(p -> p.contains("ladder")),
                "not in the API's description");
    }

    private double registrations() {
        String metrics = api.get(Api.OPS + "/metrics?scope=application", null).raw();
        Matcher m = Pattern.compile("(?m)^business_user_register_total\\{[^}]*} ([0-9.E]+)$").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    @Test
    void anOverlongQueryParameterIsA400NamingIt() {
        Api.Session member = api.login(Api.newPhone());
        Api.Reply reply = api.get("/api/v1/knowledge?q=" + java.net.URLEncoder.encode("血".repeat(201),
                java.nio.charset.StandardCharsets.UTF_8), member.token());
        assertEquals(400, reply.status(), reply.raw());
        assertEquals("QUERY_TOO_LONG", reply.errorCode());
        assertTrue(reply.body().getString("message").contains("q"), reply.raw());
        assertEquals(200, api.get("/api/v1/knowledge?q=" + java.net.URLEncoder.encode("血".repeat(50),
                java.nio.charset.StandardCharsets.UTF_8), member.token()).status(), "a long search word is fine");
    }
}
