package health.leiming.it;

import static health.leiming.it.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * SMS login end to end. The test server runs with a code lifetime of 8 s, 2 s between sends and 4 sends
 * a day (see the failsafe configuration), so that expiry and limits can be seen quickly.
 */
class LoginIT extends DeployedEar {

    private final Api api = new Api();
    private final FakeSmsGateway sms = FakeSmsGateway.get();

    @Test
    void newMemberLogsInSeesMaskedProfileAndFindsTheWelcomeMessage() {
        String phone = Api.newPhone();
        Api.Reply sent = api.post("/api/v1/auth/sms-code", json("phone", phone, "scene", "login"), null);
        assertEquals(200, sent.status(), sent.raw());
        assertEquals(8, sent.data().getInt("expiresIn"), "the test server gives codes 8 s");

        Api.Reply login = api.post("/api/v1/auth/login", json("phone", phone, "code", sms.latestCode(phone)), null);
        assertEquals(200, login.status(), login.raw());
        JsonObject data = login.data();
        assertTrue(data.getBoolean("newMember"));
        assertFalse(data.getString("token").isBlank());
        assertFalse(data.getString("refreshToken").isBlank());
        assertEquals(7200, data.getInt("expiresIn"));
        JsonObject user = data.getJsonObject("user");
        assertEquals(phone.substring(0, 3) + "****" + phone.substring(7), user.getString("phone"));
        assertFalse(login.raw().contains(phone), "the full phone number never appears in a response");
        assertEquals("basic", user.getString("membershipLevel"));

        String token = data.getString("token");
        Api.Reply me = api.get("/api/v1/users/me", token);
        assertEquals(200, me.status(), me.raw());
        assertEquals(user.getString("id"), me.data().getString("id"));

        Api.Reply messages = api.await("/api/v1/messages", token,
                // items, not total: the page and its count are two queries, the message may land between them
                r -> r.status() == 200 && !r.data().getJsonArray("items").isEmpty(), Duration.ofSeconds(30));
        assertEquals(1, messages.data().getInt("total"), messages.raw());
        JsonObject welcome = messages.data().getJsonArray("items").getJsonObject(0);
        assertEquals("欢迎加入雷鸣健康", welcome.getString("title"));
        assertFalse(welcome.getBoolean("read"));
        assertEquals(1, api.get("/api/v1/messages/unread-count", token).data().getInt("count"));
    }

    @Test
    void secondLoginOfTheSameMemberIsNotARegistration() {
        String phone = Api.newPhone();
        Api.Session first = api.login(phone);
        FakeSmsGateway.sleep(2100);
        Api.Session second = api.login(phone);
        assertEquals(first.memberId(), second.memberId());
    }

    @Test
    void wrongCodeIsRefusedAndCountsDownTheRemainingTries() {
        String phone = Api.newPhone();
        api.post("/api/v1/auth/sms-code", json("phone", phone), null);
        String right = sms.latestCode(phone);
        String wrong = right.equals("000000") ? "111111" : "000000";

        Api.Reply first = api.post("/api/v1/auth/login", json("phone", phone, "code", wrong), null);
        assertEquals(400, first.status());
        assertEquals("SMS_CODE_WRONG", first.errorCode());
        assertTrue(first.body().getString("message").contains("4"), first.raw());
        Api.Reply second = api.post("/api/v1/auth/login", json("phone", phone, "code", wrong), null);
        assertTrue(second.body().getString("message").contains("3"), second.raw());

        // the right code still works after a few misses
        assertEquals(200, api.post("/api/v1/auth/login", json("phone", phone, "code", right), null).status());
    }

    @Test
    void fiveWrongTriesBurnTheCode() {
        String phone = Api.newPhone();
        api.post("/api/v1/auth/sms-code", json("phone", phone), null);
        String right = sms.latestCode(phone);
        String wrong = right.equals("000000") ? "111111" : "000000";
        for (int i = 1; i <= 4; i++) {
            assertEquals("SMS_CODE_WRONG", api.post("/api/v1/auth/login", json("phone", phone, "code", wrong), null).errorCode());
        }
        assertEquals("SMS_CODE_BURNED", api.post("/api/v1/auth/login", json("phone", phone, "code", wrong), null).errorCode());

        Api.Reply withRightCode = api.post("/api/v1/auth/login", json("phone", phone, "code", right), null);
        assertEquals(400, withRightCode.status());
        assertEquals("SMS_CODE_INVALID", withRightCode.errorCode());
        assertFalse(withRightCode.hasData(), "no token for a burned code");
    }

    @Test
    void aUsedCodeCannotBeUsedAgain() {
        String phone = Api.newPhone();
        api.login(phone);
        String used = sms.latestCode(phone);
        Api.Reply again = api.post("/api/v1/auth/login", json("phone", phone, "code", used), null);
        assertEquals(400, again.status());
        assertEquals("SMS_CODE_INVALID", again.errorCode());
    }

    @Test
    void anExpiredCodeIsRefused() {
        String phone = Api.newPhone();
        api.post("/api/v1/auth/sms-code", json("phone", phone), null);
        String code = sms.latestCode(phone);
        FakeSmsGateway.sleep(8_500);
        Api.Reply late = api.post("/api/v1/auth/login", json("phone", phone, "code", code), null);
        assertEquals(400, late.status());
        assertEquals("SMS_CODE_EXPIRED", late.errorCode());
    }

    @Test
    void anOlderCodeStopsWorkingWhenANewOneIsSent() {
        String phone = Api.newPhone();
        api.post("/api/v1/auth/sms-code", json("phone", phone), null);
        String older = sms.latestCode(phone);
        FakeSmsGateway.sleep(2100);
        api.post("/api/v1/auth/sms-code", json("phone", phone), null);
        String newer = sms.latestCode(phone);
        if (!older.equals(newer)) {
            assertEquals(400, api.post("/api/v1/auth/login", json("phone", phone, "code", older), null).status());
        }
        assertEquals(200, api.post("/api/v1/auth/login", json("phone", phone, "code", newer), null).status());
    }

    @Test
    void sendingAgainWithinTheIntervalIsRefusedWith429AndRetryAfter() {
        String phone = Api.newPhone();
        assertEquals(200, api.post("/api/v1/auth/sms-code", json("phone", phone), null).status());
        Api.Reply again = api.post("/api/v1/auth/sms-code", json("phone", phone), null);
        assertEquals(429, again.status());
        assertEquals("SMS_TOO_FREQUENT", again.errorCode());
        assertNotNull(again.header("Retry-After"));
        assertEquals(1, sms.count(phone), "the refused request sent nothing");
    }

    @Test
    void theDailyLimitPerPhoneIsEnforced() {
        String phone = Api.newPhone();
        for (int i = 0; i < 4; i++) {
            assertEquals(200, api.post("/api/v1/auth/sms-code", json("phone", phone), null).status());
            FakeSmsGateway.sleep(2100);
        }
        Api.Reply fifth = api.post("/api/v1/auth/sms-code", json("phone", phone), null);
        assertEquals(429, fifth.status());
        assertEquals("SMS_DAILY_LIMIT", fifth.errorCode());
        assertTrue(Long.parseLong(fifth.header("Retry-After")) > 0);
        assertEquals(4, sms.count(phone));
    }

    @Test
    void invalidPhoneAndMissingFieldsAreA400ListingTheFields() {
        Api.Reply bad = api.post("/api/v1/auth/sms-code", json("phone", "12345"), null);
        assertEquals(400, bad.status());
        assertEquals("VALIDATION_FAILED", bad.errorCode());
        assertEquals("phone", bad.data().getJsonArray("fields").getJsonObject(0).getString("field"));

        Api.Reply missing = api.post("/api/v1/auth/login", "{}", null);
        assertEquals(400, missing.status());
        assertEquals(2, missing.data().getJsonArray("fields").size(), missing.raw());
    }

    @Test
    void whenTheSmsGatewayFailsTheMemberIsToldAndCanRetryAtOnce() {
        String phone = Api.newPhone();
        sms.failing(true);
        try {
            Api.Reply failed = api.post("/api/v1/auth/sms-code", json("phone", phone), null);
            assertEquals(503, failed.status());
            assertEquals("SMS_SEND_FAILED", failed.errorCode());
        } finally {
            sms.failing(false);
        }
        // nothing was recorded for the failed send: no interval to wait out
        assertEquals(200, api.post("/api/v1/auth/sms-code", json("phone", phone), null).status());
    }
}
