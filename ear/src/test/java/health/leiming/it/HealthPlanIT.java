package health.leiming.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/** Health plans: goals, adherence from the records, pause, resume and end, and ownership. */
class HealthPlanIT extends DeployedEar {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final Api api = new Api();

    private static String walkPlan(LocalDate start) {
        return Json.createObjectBuilder().add("title", "每天走6000步").add("kind", "reach").add("type", "steps")
                .add("target", 6000).add("startDate", start.toString()).build().toString();
    }

    private void steps(Api.Session member, int steps, LocalDate day) {
        Instant noon = day.atTime(12, 0).atZone(SHANGHAI).toInstant();
        Instant at = noon.isAfter(Instant.now()) ? Instant.now().minus(1, ChronoUnit.MINUTES) : noon;
        api.post("/api/v1/health/records", Json.createObjectBuilder().add("type", "steps").add("value", steps)
                .add("recordedAt", at.toString()).build().toString(), member.token());
    }

    @Test
    void adherenceCountsTheDaysTheGoalWasMet() {
        Api.Session member = api.login(Api.newPhone());
        LocalDate today = LocalDate.now(SHANGHAI);
        LocalDate start = today.minusDays(3);
        steps(member, 8000, start);
        steps(member, 3000, start.plusDays(1));
        steps(member, 6500, start.plusDays(2));

        Api.Reply created = api.post("/api/v1/health/plans", walkPlan(start), member.token());
        assertEquals(200, created.status(), created.raw());
        JsonObject adherence = created.data().getJsonObject("adherence");
        assertEquals(4, adherence.getInt("days"));
        assertEquals(2, adherence.getInt("daysMet"));
        assertEquals(0.5, adherence.getJsonNumber("rate").doubleValue(), 0.001);

        steps(member, 6000, today);
        assertEquals(3, api.get("/api/v1/health/plans", member.token()).body().getJsonArray("data").getJsonObject(0)
                .getJsonObject("adherence").getInt("daysMet"));
    }

    @Test
    void aPlanIsPausedResumedAndEndedAndNothingElse() {
        Api.Session member = api.login(Api.newPhone());
        String id = api.post("/api/v1/health/plans", walkPlan(LocalDate.now(SHANGHAI)), member.token()).data()
                .getString("id");
        assertEquals("paused", api.put("/api/v1/health/plans/" + id + "/pause", "", member.token()).data()
                .getString("status"));
        Api.Reply pausedTwice = api.put("/api/v1/health/plans/" + id + "/pause", "", member.token());
        assertEquals(409, pausedTwice.status());
        assertEquals("PLAN_STATE", pausedTwice.errorCode());
        assertEquals("active", api.put("/api/v1/health/plans/" + id + "/resume", "", member.token()).data()
                .getString("status"));
        JsonObject ended = api.put("/api/v1/health/plans/" + id + "/end", "", member.token()).data();
        assertEquals("ended", ended.getString("status"));
        assertEquals(LocalDate.now(SHANGHAI).toString(), ended.getString("endDate"));
        assertEquals(409, api.put("/api/v1/health/plans/" + id + "/resume", "", member.token()).status());
    }

    @Test
    void invalidPlansAreRefused() {
        Api.Session member = api.login(Api.newPhone());
        Api.Reply noTarget = api.post("/api/v1/health/plans", Json.createObjectBuilder().add("title", "x")
                .add("kind", "reach").add("type", "steps").build().toString(), member.token());
        assertEquals(400, noTarget.status());
        assertEquals("VALIDATION_FAILED", noTarget.errorCode());
        Api.Reply badType = api.post("/api/v1/health/plans", Json.createObjectBuilder().add("title", "x")
                .add("kind", "measure").add("type", "mood").add("target", 1).build().toString(), member.token());
        assertEquals("TYPE_INVALID", badType.errorCode());
        assertEquals(0, api.get("/api/v1/health/plans", member.token()).body().getJsonArray("data").size());
    }

    @Test
    void anotherMembersPlansAreNotFound() {
        Api.Session owner = api.login(Api.newPhone());
        Api.Session other = api.login(Api.newPhone());
        String id = api.post("/api/v1/health/plans", walkPlan(LocalDate.now(SHANGHAI)), owner.token()).data()
                .getString("id");
        assertEquals(404, api.get("/api/v1/health/plans/" + id, other.token()).status());
        assertEquals(404, api.put("/api/v1/health/plans/" + id + "/end", "", other.token()).status());
        assertEquals(404, api.get("/api/v1/health/plans?personId=" + owner.memberId(), other.token()).status());
        assertEquals(404, api.post("/api/v1/health/plans?personId=" + owner.memberId(), walkPlan(LocalDate.now(SHANGHAI)),
                other.token()).status());
        assertEquals("active", api.get("/api/v1/health/plans/" + id, owner.token()).data().getString("status"));
    }
}
