package health.leiming.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * What an attacker tries with our SMS and logins, and what they get: codes are capped per client
 * address (a forged X-Forwarded-For does not make a new client), logins are limited per address, and
 * alerts reach an emergency contact only after the contact confirmed the phone, capped and collapsed.
 * The test server allows 25 codes per address per hour and 20 admin logins per address per minute.
 */
class AbuseIT extends DeployedEar {

    private final FakeSmsGateway sms = FakeSmsGateway.get();

    private static String address() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(1, 255);
    }

    private static Api.Reply askCode(Api api, String forwardedFor, String phone) {
        return api.send(api.request("/api/v1/auth/sms-code", null).setHeader("X-Forwarded-For", forwardedFor)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Api.json("phone", phone, "scene", "login"))));
    }

    @Test
    void codesAreCappedPerClientAddressAndAForgedForwardedForDoesNotMakeANewClient() {
        Api api = new Api();
        String attacker = address();
        for (int i = 0; i < 25; i++) {
            // The attacker writes a new address in front each time; our proxy (127.0.0.1) appended the real one.
            Api.Reply sent = askCode(api, address() + ", " + attacker, Api.newPhone());
            assertEquals(200, sent.status(), "code " + (i + 1) + ": " + sent.raw());
        }
        String victim = Api.newPhone();
        Api.Reply refused = askCode(api, address() + ", " + attacker, victim);
        assertEquals(429, refused.status(), refused.raw());
        assertEquals("SMS_ADDRESS_LIMIT", refused.errorCode());
        assertTrue(refused.headers().firstValue("Retry-After").isPresent(), "says when to try again");
        FakeSmsGateway.sleep(500);
        assertEquals(0, sms.count(victim), "nothing was sent");

        Api.Reply elsewhere = askCode(api, address(), victim);
        assertEquals(200, elsewhere.status(), "another client is not held back: " + elsewhere.raw());
        assertEquals(1, sms.count(victim));
    }

    @Test
    void adminLoginsFromOneAddressAreLimited() {
        // Guessing at a user name that does not exist: no account to lock, so the address limit is what stops it
        // (AdminAccountIT locks an account; the shared test admin is not locked here).
        Api api = new Api();
        String nobody = "nobody-" + System.nanoTime();
        Api.Reply last = null;
        for (int i = 0; i < 21; i++) {
            last = api.post("/api/v1/admin/login", Api.json("username", nobody, "password", "guess-" + i), null);
            if (last.status() == 429) {
                break;
            }
            assertEquals(401, last.status(), last.raw());
        }
        assertEquals(429, last.status(), "21 admin logins in a minute from one address: " + last.raw());
        // Whichever comes first: the per-server rate limit (20 a minute here), or the installation's count of
        // failed logins per address (20 in 15 minutes).
        assertTrue(List.of("RATE_LIMITED", "LOGIN_LOCKED").contains(last.errorCode()), last.raw());
        Api.Reply right = api.post("/api/v1/admin/login", Api.json("username", "it-admin", "password",
                "it-admin-Secret-1"), null);
        assertEquals(429, right.status(), "not even the right password gets through the limit");
        assertEquals(200, new Api().post("/api/v1/admin/login", Api.json("username", "it-admin", "password",
                "it-admin-Secret-1"), null).status(), "from elsewhere it does");
    }

    private static String bloodPressure(int systolic, int diastolic) {
        return Json.createObjectBuilder().add("type", "blood_pressure").add("value", systolic).add("unit", "mmHg")
                .add("recordedAt", Instant.now().minusSeconds(60).toString())
                .add("metadata", Json.createObjectBuilder().add("systolic", systolic).add("diastolic", diastolic))
                .build().toString();
    }

    private static String oxygen(int value) {
        return Json.createObjectBuilder().add("type", "blood_oxygen").add("value", value).add("unit", "%")
                .add("recordedAt", Instant.now().minusSeconds(60).toString()).build().toString();
    }

    private static <T> T eventually(Supplier<T> read, java.util.function.Predicate<T> done, String what) {
        Instant deadline = Instant.now().plusSeconds(30);
        T value = read.get();
        while (!done.test(value) && Instant.now().isBefore(deadline)) {
            FakeSmsGateway.sleep(200);
            value = read.get();
        }
        assertTrue(done.test(value), what + ": " + value);
        return value;
    }

    @Test
    void anEmergencyContactGetsAlertsOnlyOnceTheirPhoneConfirmedACodeAndRepeatsAreCollapsed() {
        Api api = new Api();
        Api.Session member = api.login(Api.newPhone());
        String contact = Api.newPhone();
        String profile = Json.createObjectBuilder().add("emergencyContact", Json.createObjectBuilder()
                .add("name", "李明明").add("phone", contact).add("relation", "儿子")).build().toString();
        Api.Reply saved = api.put("/api/v1/health/profile", profile, member.token());
        assertEquals(200, saved.status(), saved.raw());
        assertFalse(saved.data().getJsonObject("emergencyContact").getBoolean("verified"));

        // Unverified: the alert goes to the member only.
        assertEquals(200, api.post("/api/v1/health/records", bloodPressure(185, 112), member.token()).status());
        eventually(() -> sms.notices(member.phone()), l -> l.size() == 1, "the member's alert SMS");
        FakeSmsGateway.sleep(2000);
        assertEquals(List.of(), sms.notices(contact), "an unverified contact gets nothing");

        // The code: a wrong one is refused and counted, the right one verifies.
        assertEquals(200, api.post("/api/v1/health/profile/emergency-contact/verification-code", "", member.token())
                .status());
        String code = sms.latestCode(contact);
        Api.Reply again = api.post("/api/v1/health/profile/emergency-contact/verification-code", "", member.token());
        assertEquals(429, again.status(), "one code a minute: " + again.raw());
        String wrong = code.equals("000000") ? "111111" : "000000";
        Api.Reply refused = api.post("/api/v1/health/profile/emergency-contact/verify", Api.json("code", wrong),
                member.token());
        assertEquals(400, refused.status());
        assertEquals("SMS_CODE_WRONG", refused.errorCode());
        Api.Reply asLogin = new Api().post("/api/v1/auth/login", Api.json("phone", contact, "code", code), null);
        assertEquals(400, asLogin.status(), "a contact's code never logs anyone in: " + asLogin.raw());
        Api.Session stranger = api.login(Api.newPhone());
        assertEquals(404, api.post("/api/v1/health/profile/emergency-contact/verify?personId=" + member.memberId(),
                Api.json("code", code), stranger.token()).status(), "nobody else can verify this person's contact");
        Api.Reply verified = api.post("/api/v1/health/profile/emergency-contact/verify", Api.json("code", code),
                member.token());
        assertEquals(200, verified.status(), verified.raw());
        assertTrue(api.get("/api/v1/health/profile", member.token()).data().getJsonObject("emergencyContact")
                .getBoolean("verified"));

        // Verified: the contact is told, without any name the member typed.
        assertEquals(200, api.post("/api/v1/health/records", oxygen(85), member.token()).status());
        List<String> toContact = eventually(() -> sms.notices(contact), l -> l.size() == 1, "the contact's alert SMS");
        assertTrue(toContact.get(0).contains("血氧"), toContact.get(0));
        assertFalse(toContact.get(0).contains("李明明") || toContact.get(0).contains("儿子"), toContact.get(0));
        eventually(() -> sms.notices(member.phone()), l -> l.size() == 2, "the member's second alert SMS");

        // The same measurement alarming again within the hour: in-app message, no more SMS.
        assertEquals(200, api.post("/api/v1/health/records", oxygen(84), member.token()).status());
        api.await("/api/v1/messages", member.token(), r -> r.data().getInt("total") >= 4, Duration.ofSeconds(30));
        FakeSmsGateway.sleep(2000);
        assertEquals(1, sms.notices(contact).size(), "collapsed: " + sms.notices(contact));
        assertEquals(2, sms.notices(member.phone()).size(), "collapsed: " + sms.notices(member.phone()));

        // A new phone on the profile is unverified again.
        String changed = Json.createObjectBuilder().add("emergencyContact", Json.createObjectBuilder()
                .add("name", "李明明").add("phone", Api.newPhone()).add("relation", "儿子")).build().toString();
        assertFalse(api.put("/api/v1/health/profile", changed, member.token()).data().getJsonObject("emergencyContact")
                .getBoolean("verified"));
    }
}
