package health.leiming.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** AI interpretation through the model (a local fake over real HTTP), its fallback to the rules, and ownership. */
class InterpretationIT extends DeployedEar {

    private final Api api = new Api();
    private final FakeModel model = FakeModel.get();

    private static String lab() {
        return Json.createObjectBuilder().add("kind", "lab").add("items", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("name", "空腹血糖").add("value", 6.8).add("unit", "mmol/L")
                        .add("referenceRange", "3.9-6.1"))
                .add(Json.createObjectBuilder().add("name", "总胆固醇").add("value", 4.2).add("unit", "mmol/L")
                        .add("referenceRange", "<5.2"))).build().toString();
    }

    /** Asks until the model answers (a circuit opened by another test closes again after a second). */
    private JsonObject byModel(Api.Session member, String request) {
        return model.interpretation(api, member, request);
    }

    @Test
    void theModelReadsALabSheetWithoutLearningWhoseItIs() {
        Api.Session member = api.login(Api.newPhone());
        api.put("/api/v1/users/me", Json.createObjectBuilder().add("name", "欧阳明月").build().toString(), member.token());
        int before = model.requests.size();
        JsonObject answer = byModel(member, lab());
        assertEquals("model:it-model", answer.getString("interpreter"));
        assertTrue(answer.getString("interpretation").startsWith("模型解读"), answer.toString());
        assertEquals(0.82, answer.getJsonNumber("confidence").doubleValue(), 1e-9);
        assertEquals(2, answer.getJsonArray("suggestions").size());
        assertTrue(answer.getString("disclaimer").contains("不能替代医生的诊断"));

        String sent = model.requests.subList(before, model.requests.size()).toString();
        assertTrue(sent.contains("6.8") && sent.contains("3.9-6.1") && sent.contains("it-model"), sent);
        assertFalse(sent.contains(member.phone()) || sent.contains("欧阳明月") || sent.contains(member.memberId()),
                "no identifiers reach the model: " + sent);

        JsonObject list = api.get("/api/v1/ai/interpretations", member.token()).body();
        assertEquals(answer.getString("id"), list.getJsonObject("data").getJsonArray("items").getJsonObject(0).getString("id"));
        Api.Reply read = api.put("/api/v1/ai/interpretations/" + answer.getString("id") + "/read", "", member.token());
        assertTrue(read.data().getBoolean("read"));
        Api.Session other = api.login(Api.newPhone());
        assertEquals(404, api.get("/api/v1/ai/interpretations/" + answer.getString("id"), other.token()).status());
        assertEquals(404, api.put("/api/v1/ai/interpretations/" + answer.getString("id") + "/read", "", other.token()).status());
    }

    @Test
    void aFailingOrSlowModelFallsBackToTheRules() {
        Api.Session member = api.login(Api.newPhone());
        model.mode(FakeModel.Mode.FAILING);
        JsonObject failed = api.post("/api/v1/ai/interpretations", lab(), member.token()).data();
        assertTrue(failed.getString("interpreter").startsWith("rules (fallback"), failed.toString());
        assertTrue(failed.getString("interpretation").contains("空腹血糖 6.8mmol/L（高于参考范围3.9-6.1）"), failed.toString());
        assertFalse(failed.getString("interpretation").contains("总胆固醇 4.2"), "in range: not listed as a concern");
        assertTrue(failed.getJsonArray("suggestions").toString().contains("空腹血糖偏高"));
        assertTrue(failed.getJsonNumber("confidence").doubleValue() > 0.5);

        model.mode(FakeModel.Mode.SLOW);
        long start = System.nanoTime();
        JsonObject slow = api.post("/api/v1/ai/interpretations", lab(), member.token()).data();
        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertTrue(slow.getString("interpreter").startsWith("rules (fallback"), slow.toString());
        assertTrue(millis < 5500, "the member waited at most about the timeout: " + millis + " ms");
        model.mode(FakeModel.Mode.ANSWER);
    }

    @Test
    void aModelThatKeepsFailingIsLeftAloneUntilItsBreakerHalfOpens() {
        Api.Session member = api.login(Api.newPhone());
        model.mode(FakeModel.Mode.FAILING);
        for (int i = 0; i < 4; i++) {
            JsonObject answer = api.post("/api/v1/ai/interpretations", lab(), member.token()).data();
            assertTrue(answer.getString("interpreter").startsWith("rules (fallback"), answer.toString());
        }
        // The breaker is open now: members still get the rules' answer, and the model is not asked at all.
        int asked = model.requests.size();
        for (int i = 0; i < 3; i++) {
            JsonObject answer = api.post("/api/v1/ai/interpretations", lab(), member.token()).data();
            assertTrue(answer.getString("interpreter").startsWith("rules (fallback"), answer.toString());
        }
        assertEquals(asked, model.requests.size(), "an open breaker sends nothing to the model");
        assertEquals(7, api.get("/api/v1/ai/interpretations", member.token()).data().getInt("total"),
                "every answer was stored");

        // Once the model is back and the (test) delay of a second has passed, one trial call closes the breaker.
        model.mode(FakeModel.Mode.ANSWER);
        FakeSmsGateway.sleep(1500);
        JsonObject back = api.post("/api/v1/ai/interpretations", lab(), member.token()).data();
        assertEquals("model:it-model", back.getString("interpreter"), back.toString());
        assertEquals(asked + 1, model.requests.size());
    }

    @Test
    void aWeeklyReportIsInterpreted() {
        Api.Session member = api.login(Api.newPhone());
        java.time.LocalDate monday = java.time.LocalDate.now(Care.SHANGHAI)
                .with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY)).minusWeeks(1);
        for (int day = 0; day < 3; day++) {
            api.post("/api/v1/health/records", Json.createObjectBuilder().add("type", "blood_pressure").add("value", 150)
                    .add("unit", "mmHg").add("recordedAt", monday.plusDays(day).atTime(8, 0).atZone(Care.SHANGHAI).toInstant()
                            .toString())
                    .add("metadata", Json.createObjectBuilder().add("systolic", 150).add("diastolic", 95)).build().toString(),
                    member.token());
        }
        new Care(api).runJob("health-report", "{\"period\":\"week\",\"date\":\"" + monday + "\"}");
        String reportId = api.get("/api/v1/health/reports", member.token()).data().getJsonArray("items").getJsonObject(0)
                .getString("id");

        JsonObject answer = byModel(member, "{\"kind\":\"report\",\"reportId\":\"" + reportId + "\"}");
        assertEquals("report", answer.getString("kind"));
        assertEquals(member.memberId(), answer.getString("personId"));
        String sent = model.requests.get(model.requests.size() - 1).toString();
        assertTrue(sent.contains("血压平均值") && sent.contains("150") && sent.contains("1级高血压"), sent);
        Api.Session other = api.login(Api.newPhone());
        assertEquals(404, api.post("/api/v1/ai/interpretations", "{\"kind\":\"report\",\"reportId\":\"" + reportId
                + "\"}", other.token()).status(), "someone else's report");
    }

    @Test
    void readingsAndReportsAreInterpretedForTheirOwnerOnly() {
        Api.Session member = api.login(Api.newPhone());
        for (int[] bp : new int[][] {{150, 95}, {146, 92}, {152, 96}}) {
            api.post("/api/v1/health/records", Json.createObjectBuilder().add("type", "blood_pressure").add("value", bp[0])
                    .add("unit", "mmHg").add("recordedAt", Instant.now().minusSeconds(600).toString())
                    .add("metadata", Json.createObjectBuilder().add("systolic", bp[0]).add("diastolic", bp[1])).build()
                    .toString(), member.token());
        }
        JsonObject answer = byModel(member, "{\"kind\":\"records\",\"type\":\"blood_pressure\",\"period\":\"7d\"}");
        assertEquals(member.memberId(), answer.getString("personId"));
        String sent = model.requests.get(model.requests.size() - 1).toString();
        assertTrue(sent.contains("149.33"), "the average systolic went out: " + sent);

        Api.Session other = api.login(Api.newPhone());
        Api.Reply foreign = api.post("/api/v1/ai/interpretations", "{\"kind\":\"records\",\"type\":\"blood_pressure\","
                + "\"personId\":\"" + member.memberId() + "\"}", other.token());
        assertEquals(404, foreign.status(), foreign.raw());
        assertEquals(404, api.post("/api/v1/ai/interpretations", "{\"kind\":\"report\",\"reportId\":\"nope\"}",
                member.token()).status());
        Api.Reply empty = api.post("/api/v1/ai/interpretations", "{\"kind\":\"lab\",\"items\":[]}", member.token());
        assertEquals(400, empty.status());
        assertEquals("INTERPRETATION_INVALID", empty.body().getString("errorCode"));
        assertEquals(400, api.post("/api/v1/ai/interpretations", "{\"kind\":\"horoscope\"}", member.token()).status());
    }
}
