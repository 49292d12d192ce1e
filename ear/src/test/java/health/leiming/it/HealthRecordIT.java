package health.leiming.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Recording, classifying, listing, correcting and deleting measurements; ownership; risk alerts; audit. */
class HealthRecordIT extends DeployedEar {

    private final Api api = new Api();

    static String bloodPressure(int systolic, int diastolic, Instant at) {
        return Json.createObjectBuilder().add("type", "blood_pressure").add("value", systolic).add("unit", "mmHg")
                .add("recordedAt", at.toString())
                .add("metadata", Json.createObjectBuilder().add("systolic", systolic).add("diastolic", diastolic)
                        .add("heartRate", 72)).build().toString();
    }

    private static Instant minutesAgo(long minutes) {
        return Instant.now().minus(minutes, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
    }

    private int total(Api.Session member, String query) {
        return api.get("/api/v1/health/records" + query, member.token()).data().getInt("total");
    }

    @Test
    void aBloodPressureReadingIsStoredAndClassifiedByTheChineseGuideline() {
        Api.Session member = api.login(Api.newPhone());
        Api.Reply recorded = api.post("/api/v1/health/records", bloodPressure(152, 88, minutesAgo(5)), member.token());
        assertEquals(200, recorded.status(), recorded.raw());
        JsonObject data = recorded.data();
        assertEquals("blood_pressure", data.getString("type"));
        assertEquals(152, data.getInt("value"));
        assertEquals("mmHg", data.getString("unit"));
        assertEquals(88, data.getJsonObject("metadata").getInt("diastolic"));
        JsonObject indicators = data.getJsonObject("indicators");
        assertEquals("isolated_systolic_hypertension", indicators.getString("level"));
        assertEquals("中国高血压防治指南（2018年修订版）", indicators.getString("guideline"));
        assertEquals(member.memberId(), data.getString("personId"));
    }

    @Test
    void alternativeUnitsAreConvertedToCanonicalOnes() {
        Api.Session member = api.login(Api.newPhone());
        JsonObject glucose = api.post("/api/v1/health/records", Json.createObjectBuilder().add("type", "blood_glucose")
                .add("value", 126).add("unit", "mg/dL").add("metadata", Json.createObjectBuilder().add("context", "fasting"))
                .build().toString(), member.token()).data();
        assertEquals("mmol/L", glucose.getString("unit"));
        assertEquals(7.00, glucose.getJsonNumber("value").doubleValue(), 0.001);
        assertEquals("diabetes_range", glucose.getJsonObject("indicators").getString("level"),
                "126 mg/dL is the guideline's fasting threshold, as 7.0 mmol/L is");
        assertEquals(126, glucose.getJsonObject("metadata").getJsonNumber("originalValue").intValue(), "the reading as given");

        JsonObject weight = api.post("/api/v1/health/records", Json.createObjectBuilder().add("type", "weight")
                .add("value", 130).add("unit", "斤").build().toString(), member.token()).data();
        assertEquals(65.0, weight.getJsonNumber("value").doubleValue(), 0.001);
        assertEquals("kg", weight.getString("unit"));
    }

    @Test
    void impossibleAndFutureReadingsAreRefusedAndNothingIsWritten() {
        Api.Session member = api.login(Api.newPhone());
        Api.Reply tooHigh = api.post("/api/v1/health/records", bloodPressure(400, 80, minutesAgo(1)), member.token());
        assertEquals(400, tooHigh.status());
        assertEquals("VALUE_IMPOSSIBLE", tooHigh.errorCode());
        assertTrue(tooHigh.body().getString("message").contains("收缩压"), tooHigh.raw());

        assertEquals("VALUE_IMPOSSIBLE",
                api.post("/api/v1/health/records", bloodPressure(110, 120, minutesAgo(1)), member.token()).errorCode());
        assertEquals("VALUE_IMPOSSIBLE", api.post("/api/v1/health/records", Json.createObjectBuilder()
                .add("type", "blood_glucose").add("value", 0).build().toString(), member.token()).errorCode());
        Api.Reply future = api.post("/api/v1/health/records",
                bloodPressure(120, 80, Instant.now().plus(Duration.ofHours(1))), member.token());
        assertEquals("RECORDED_AT_FUTURE", future.errorCode());
        assertEquals("UNIT_INVALID", api.post("/api/v1/health/records", Json.createObjectBuilder()
                .add("type", "weight").add("value", 70).add("unit", "stone").build().toString(), member.token()).errorCode());

        assertEquals(0, total(member, ""));
    }

    @Test
    void theSameDeviceReadingSubmittedTwiceIsStoredOnce() {
        Api.Session member = api.login(Api.newPhone());
        String reading = Json.createObjectBuilder().add("type", "heart_rate").add("value", 76).add("source", "device")
                .add("deviceId", "band-001").add("recordedAt", minutesAgo(30).toString()).build().toString();
        Api.Reply first = api.post("/api/v1/health/records", reading, member.token());
        Api.Reply second = api.post("/api/v1/health/records", reading, member.token());
        assertEquals(200, second.status(), second.raw());
        assertEquals(first.data().getString("id"), second.data().getString("id"));
        assertTrue(second.data().getBoolean("duplicate"));
        assertEquals(1, total(member, "?type=heart_rate"));
    }

    @Test
    void concurrentCopiesOfOneDeviceReadingAreStoredOnce() throws Exception {
        Api.Session member = api.login(Api.newPhone());
        String reading = Json.createObjectBuilder().add("type", "blood_oxygen").add("value", 97).add("source", "device")
                .add("deviceId", "oximeter-7").add("recordedAt", minutesAgo(3).toString()).build().toString();
        List<Api.Reply> replies = Crowd.atOnce(Crowd.SIZE, (client, i) -> client.post("/api/v1/health/records", reading,
                member.token()));
        for (Api.Reply reply : replies) {
            assertTrue(reply.status() == 200 || reply.status() == 409, "stored, already stored, or being stored: "
                    + reply.raw());
        }
        assertEquals(1, total(member, "?type=blood_oxygen"));
    }

    @Test
    void recordsAreListedByTypeAndTimeRange() {
        Api.Session member = api.login(Api.newPhone());
        api.post("/api/v1/health/records", bloodPressure(118, 76, minutesAgo(300)), member.token());
        api.post("/api/v1/health/records", bloodPressure(122, 78, minutesAgo(60)), member.token());
        api.post("/api/v1/health/records", Json.createObjectBuilder().add("type", "steps").add("value", 8000)
                .build().toString(), member.token());
        assertEquals(3, total(member, ""));
        assertEquals(2, total(member, "?type=blood_pressure"));
        assertEquals(1, total(member, "?type=blood_pressure&from=" + minutesAgo(120)));
        Api.Reply newestFirst = api.get("/api/v1/health/records?type=blood_pressure&size=1", member.token());
        assertEquals(122, newestFirst.data().getJsonArray("items").getJsonObject(0).getInt("value"));
        assertEquals(400, api.get("/api/v1/health/records?from=yesterday", member.token()).status());
    }

    @Test
    void aCorrectionKeepsTheOriginalInTheHistory() {
        Api.Session member = api.login(Api.newPhone());
        String id = api.post("/api/v1/health/records", bloodPressure(128, 82, minutesAgo(10)), member.token())
                .data().getString("id");
        String corrected = Json.createObjectBuilder().add("type", "blood_pressure").add("value", 126)
                .add("reason", "输错了").add("metadata", Json.createObjectBuilder().add("diastolic", 80)).build().toString();
        Api.Reply reply = api.put("/api/v1/health/records/" + id, corrected, member.token());
        assertEquals(200, reply.status(), reply.raw());
        assertEquals(126, reply.data().getInt("value"));
        assertEquals(1, reply.data().getInt("revisions"));

        JsonObject original = api.get("/api/v1/health/records/" + id + "/history", member.token()).body()
                .getJsonArray("data").getJsonObject(0);
        assertEquals(128, original.getInt("value"));
        assertEquals(82, original.getInt("diastolic"));
        assertEquals("输错了", original.getString("reason"));
    }

    @Test
    void aRecordCanBeDeletedByItsOwner() {
        Api.Session member = api.login(Api.newPhone());
        String id = api.post("/api/v1/health/records", bloodPressure(118, 76, minutesAgo(10)), member.token())
                .data().getString("id");
        assertEquals(200, api.send(api.request("/api/v1/health/records/" + id, member.token()).DELETE()).status());
        assertEquals(404, api.get("/api/v1/health/records/" + id, member.token()).status());
    }

    @Test
    void aFamilyMembersRecordsAreKeptApart() {
        Api.Session member = api.login(Api.newPhone());
        String mother = api.post("/api/v1/persons", Json.createObjectBuilder().add("name", "母亲").add("relation", "parent")
                .build().toString(), member.token()).data().getString("id");
        api.post("/api/v1/health/records?personId=" + mother, bloodPressure(135, 85, minutesAgo(3)), member.token());
        assertEquals(1, total(member, "?personId=" + mother));
        assertEquals(0, total(member, ""));
    }

    @Test
    void anotherMembersPersonAndRecordsAreNotFoundForEveryEndpoint() {
        Api.Session owner = api.login(Api.newPhone());
        Api.Session other = api.login(Api.newPhone());
        String record = api.post("/api/v1/health/records", bloodPressure(120, 80, minutesAgo(2)), owner.token())
                .data().getString("id");
        String person = "?personId=" + owner.memberId();

        assertEquals(404, api.post("/api/v1/health/records" + person, bloodPressure(120, 80, minutesAgo(1)),
                other.token()).status());
        assertEquals(404, api.get("/api/v1/health/records" + person, other.token()).status());
        assertEquals(404, api.get("/api/v1/health/records/" + record, other.token()).status());
        assertEquals(404, api.get("/api/v1/health/records/" + record + "/history", other.token()).status());
        assertEquals(404, api.put("/api/v1/health/records/" + record, bloodPressure(100, 70, minutesAgo(1)),
                other.token()).status());
        assertEquals(404, api.send(api.request("/api/v1/health/records/" + record, other.token()).DELETE()).status());
        // nothing changed for the owner
        assertEquals(120, api.get("/api/v1/health/records/" + record, owner.token()).data().getInt("value"));
        assertEquals(1, total(owner, ""));
    }

    @Test
    void aDangerousReadingRaisesARiskAlertThatArrivesThroughTheBroker() {
        Api.Session member = api.login(Api.newPhone());
        api.await("/api/v1/messages", member.token(), r -> r.data().getJsonArray("items").size() == 1, Duration.ofSeconds(30));
        Api.Reply recorded = api.post("/api/v1/health/records", bloodPressure(185, 112, minutesAgo(1)), member.token());
        assertEquals("grade_3", recorded.data().getJsonObject("indicators").getString("level"));

        Api.Reply messages = api.await("/api/v1/messages", member.token(), r -> r.data().getJsonArray("items").size() == 2,
                Duration.ofSeconds(30));
        assertEquals(2, messages.data().getInt("total"), messages.raw());
        JsonObject alert = messages.data().getJsonArray("items").getJsonObject(0);
        assertEquals("health", alert.getString("category"));
        assertTrue(alert.getString("content").contains("3级高血压"), alert.toString());

        api.post("/api/v1/health/records", bloodPressure(118, 76, minutesAgo(1)), member.token());
        FakeSmsGateway.sleep(3000);
        assertEquals(2, api.get("/api/v1/messages", member.token()).data().getInt("total"), "a normal reading alerts nobody");
    }

    @Test
    void accessToHealthDataIsAuditedAndOnlyAdminsReadTheLog() {
        Api.Session owner = api.login(Api.newPhone());
        Api.Session other = api.login(Api.newPhone());
        String record = api.post("/api/v1/health/records", bloodPressure(120, 80, minutesAgo(2)), owner.token())
                .data().getString("id");
        api.get("/api/v1/health/records?personId=" + owner.memberId(), other.token());
        api.get("/api/v1/health/records/" + record, other.token());

        assertEquals(403, api.get("/api/v1/admin/audit-log", owner.token()).status());
        String admin = new Care(api).adminToken(); // a real admin account: a token alone names no active account
        // reads and refusals are written within a second, in batches (AuditQueue)
        JsonObject log = api.await("/api/v1/admin/audit-log?personId=" + owner.memberId(), admin,
                r -> r.raw().contains("\"outcome\":\"denied\"") && r.raw().contains("health.record.read"),
                Duration.ofSeconds(10)).data();
        String entries = log.getJsonArray("items").toString();
        assertTrue(entries.contains("\"action\":\"health.record.create\"") && entries.contains("\"outcome\":\"success\""),
                entries);
        assertTrue(entries.contains("\"actorId\":\"" + other.memberId() + "\"") && entries.contains("\"outcome\":\"denied\""),
                "the refused attempt is recorded too: " + entries);
        assertTrue(entries.contains("\"action\":\"health.record.read\"") && entries.contains("\"resourceId\":\"" + record),
                "a refused read of one record is filed under its owner: " + entries);
        assertTrue(entries.contains("\"requestId\":\"req_"), "entries name the request: " + entries);
    }
}
