package health.leiming.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Personal accounts on our side: admins create operators, operators reach only what operators do, a
 * second factor (an authenticator app's TOTP codes, or a one-time recovery code) once enrolled, lockout
 * after failed logins, and a disabled account's token stops at once. Attempts are audited with the address.
 */
class AdminAccountIT extends DeployedEar {

    private final Api api = new Api();
    private final Care care = new Care(api);

    /** An authenticator app, as RFC 6238 describes it (HMAC-SHA1, 30-second steps, 6 digits). */
    static String totp(String base32Secret, long step) throws Exception {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        ByteBuffer key = ByteBuffer.allocate(base32Secret.length() * 5 / 8);
        int buffer = 0;
        int bits = 0;
        for (char c : base32Secret.toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                key.put((byte) (buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(key.array(), "HmacSHA1"));
        byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
        int offset = hash[hash.length - 1] & 0x0F;
        int value = ((hash[offset] & 0x7F) << 24) | ((hash[offset + 1] & 0xFF) << 16) | ((hash[offset + 2] & 0xFF) << 8)
                | (hash[offset + 3] & 0xFF);
        return String.format("%06d", value % 1_000_000);
    }

    private static long step() {
        return Instant.now().getEpochSecond() / 30;
    }

    private Api.Reply login(Api from, String username, String password, String otp, String recovery) {
        var body = Json.createObjectBuilder().add("username", username).add("password", password);
        if (otp != null) {
            body.add("otp", otp);
        }
        if (recovery != null) {
            body.add("recoveryCode", recovery);
        }
        return from.post("/api/v1/admin/login", body.build().toString(), null);
    }

    private JsonObject newOperator(String username, String password) {
        Api.Reply created = api.post("/api/v1/admin/accounts", Json.createObjectBuilder().add("username", username)
                .add("name", "运营小李").add("role", "operator").add("password", password).build().toString(),
                care.adminToken());
        assertEquals(200, created.status(), created.raw());
        return created.data();
    }

    @Test
    void anOperatorWorksOnlyAsAnOperatorAndWithASecondFactorOnceEnrolled() throws Exception {
        String username = "ops-" + System.nanoTime();
        for (String weak : List.of("short-1A", "1q2w3e4r5t6y", username + "-Secret-9")) {
            Api.Reply refused = api.post("/api/v1/admin/accounts", Json.createObjectBuilder().add("username", username)
                    .add("role", "operator").add("password", weak).build().toString(), care.adminToken());
            assertEquals(400, refused.status(), weak + ": " + refused.raw());
            assertEquals("PASSWORD_WEAK", refused.errorCode());
        }
        String password = "Lantern-Orchid-7391";
        JsonObject operator = newOperator(username, password);
        assertEquals("operator", operator.getString("role"));
        assertFalse(operator.getBoolean("secondFactor"));

        Api.Reply first = login(api, username, password, null, null);
        assertEquals(200, first.status(), first.raw());
        String token = first.data().getString("token");
        assertEquals(200, api.get("/api/v1/admin/services", token).status(), "operators run the catalog");
        assertEquals(200, api.get("/api/v1/admin/members", token).status(), "and members");
        assertEquals(403, api.get("/api/v1/admin/accounts", token).status(), "but not accounts");
        assertEquals(403, api.get("/api/v1/admin/audit-log", token).status(), "nor the audit log");
        assertEquals(403, api.get("/api/v1/admin/jobs/executions", token).status(), "nor jobs");
        // reads and refusals are written within a second, in batches (AuditQueue)
        JsonObject audited = api.await("/api/v1/admin/audit-log?actorId=" + operator.getString("id") + "&size=50",
                care.adminToken(), r -> r.raw().contains("GET /admin/accounts"), Duration.ofSeconds(10)).data();
        List<String> actions = audited.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getString("actorRole").equals("operator"))
                .map(e -> e.getString("action") + " " + e.getString("outcome")).toList();
        assertTrue(actions.contains("GET /admin/members success"), "what an operator reads is audited: " + actions);
        assertTrue(actions.contains("GET /admin/accounts denied"), "and what it was refused: " + actions);

        // Enrol an authenticator.
        JsonObject enrolment = api.post("/api/v1/admin/me/otp", "", token).data();
        String secret = enrolment.getString("secret");
        assertTrue(enrolment.getString("uri").startsWith("otpauth://totp/") && enrolment.getString("uri")
                .contains("secret=" + secret), enrolment.toString());
        Api.Reply wrong = api.post("/api/v1/admin/me/otp/confirm", Api.json("otp", "000000".equals(totp(secret, step()))
                ? "111111" : "000000"), token);
        assertEquals(400, wrong.status());
        assertEquals("OTP_WRONG", wrong.errorCode());
        Api.Reply confirmed = api.post("/api/v1/admin/me/otp/confirm", Api.json("otp", totp(secret, step())), token);
        assertEquals(200, confirmed.status(), confirmed.raw());
        List<String> recovery = confirmed.data().getJsonArray("recoveryCodes").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList();
        assertEquals(10, recovery.size());

        // From now on the password alone is not enough.
        Api.Reply noCode = login(api, username, password, null, null);
        assertEquals(401, noCode.status());
        assertEquals("OTP_REQUIRED", noCode.errorCode());
        assertEquals("LOGIN_FAILED", login(api, username, password, "123456".equals(totp(secret, step() + 1))
                ? "654321" : "123456", null).errorCode());
        Api.Reply withCode = login(api, username, password, totp(secret, step() + 1), null);
        assertEquals(200, withCode.status(), "the next step's code (the confirming one is used): " + withCode.raw());
        assertEquals(401, login(api, username, password, totp(secret, step() + 1), null).status(), "a code works once");
        assertEquals(200, login(api, username, password, null, recovery.get(0)).status(), "a recovery code");
        assertEquals(401, login(api, username, password, null, recovery.get(0)).status(), "works once");

        // Disabled by an admin: the token stops at once.
        String live = withCode.data().getString("token");
        assertEquals(200, api.put("/api/v1/admin/accounts/" + operator.getString("id"), Json.createObjectBuilder()
                .add("active", false).build().toString(), care.adminToken()).status());
        Api.Reply stopped = api.get("/api/v1/admin/services", live);
        assertEquals(403, stopped.status());
        assertEquals("ACCOUNT_DISABLED", stopped.errorCode());
    }

    @Test
    void failedLoginsLockTheAccountAndAreAuditedWithTheAddress() {
        String username = "ops-" + System.nanoTime();
        String password = "Velvet-Harbour-5820";
        JsonObject operator = newOperator(username, password);
        Api attacker = new Api();
        for (int i = 0; i < 5; i++) {
            Api.Reply wrong = login(attacker, username, "guess-" + i, null, null);
            assertEquals(401, wrong.status(), wrong.raw());
            assertEquals("LOGIN_FAILED", wrong.errorCode());
        }
        Api.Reply locked = login(attacker, username, password, null, null);
        assertEquals(429, locked.status(), "locked, even for the right password: " + locked.raw());
        assertEquals("ACCOUNT_LOCKED", locked.errorCode());
        assertTrue(locked.headers().firstValue("Retry-After").isPresent());
        assertEquals(429, login(new Api(), username, password, null, null).status(), "from any address");

        JsonObject log = api.get("/api/v1/admin/audit-log?actorId=" + operator.getString("id") + "&size=50",
                care.adminToken()).data();
        long rejected = log.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getString("action").equals("admin.login") && e.getString("outcome").equals("rejected")
                        && attacker.clientAddress.equals(e.getString("clientAddress", null)))
                .count();
        assertEquals(5, rejected, log.toString());

        Api.Reply reset = api.post("/api/v1/admin/accounts/" + operator.getString("id") + "/reset",
                Api.json("password", "Copper-Meadow-4417"), care.adminToken());
        assertEquals(200, reset.status(), reset.raw());
        assertEquals(200, login(new Api(), username, "Copper-Meadow-4417", null, null).status(), "reset lifts the lock");
    }
}
