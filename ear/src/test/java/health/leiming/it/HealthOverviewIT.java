package health.leiming.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/** Health profile and tags, trends and the dashboard. */
class HealthOverviewIT extends DeployedEar {

    private final Api api = new Api();

    private void bloodPressure(Api.Session member, int systolic, int diastolic, long hoursAgo) {
        String body = Json.createObjectBuilder().add("type", "blood_pressure").add("value", systolic)
                .add("recordedAt", Instant.now().minus(hoursAgo, ChronoUnit.HOURS).toString())
                .add("metadata", Json.createObjectBuilder().add("diastolic", diastolic)).build().toString();
        assertEquals(200, api.post("/api/v1/health/records", body, member.token()).status());
    }

    @Test
    void theProfileDerivesBmiAndWeightReadingsAreThenClassifiedByIt() {
        Api.Session member = api.login(Api.newPhone());
        JsonObject empty = api.get("/api/v1/health/profile", member.token()).data();
        assertFalse(empty.containsKey("bmi"));

        String profile = Json.createObjectBuilder().add("bloodType", "A").add("rh", "positive").add("heightCm", 170)
                .add("weightKg", 70).add("allergyInfo", "青霉素")
                .add("chronicDiseases", Json.createArrayBuilder().add("高血压"))
                .add("emergencyContact", Json.createObjectBuilder().add("name", "王芳").add("phone", "13912345678")
                        .add("relation", "女儿")).build().toString();
        Api.Reply saved = api.put("/api/v1/health/profile", profile, member.token());
        assertEquals(200, saved.status(), saved.raw());
        JsonObject data = saved.data();
        assertEquals(24.2, data.getJsonNumber("bmi").doubleValue(), 0.001);
        assertEquals("overweight", data.getJsonObject("bmiIndicator").getString("level"));
        assertTrue(data.getBoolean("hasAllergy"));
        assertEquals("139****5678", data.getJsonObject("emergencyContact").getString("phone"));
        assertEquals("高血压", data.getJsonArray("chronicDiseases").getString(0));

        JsonObject weight = api.post("/api/v1/health/records", Json.createObjectBuilder().add("type", "weight")
                .add("value", 85).build().toString(), member.token()).data(); // BMI 29.4
        assertEquals("obese", weight.getJsonObject("indicators").getString("level"), weight.toString());
    }

    @Test
    void aBmiCannotBeTypedInAndImpossibleHeightsAreRefused() {
        Api.Session member = api.login(Api.newPhone());
        Api.Reply tall = api.put("/api/v1/health/profile", Json.createObjectBuilder().add("heightCm", 400).build()
                .toString(), member.token());
        assertEquals(400, tall.status());
        Api.Reply saved = api.put("/api/v1/health/profile", Json.createObjectBuilder().add("heightCm", 160)
                .add("weightKg", 50).build().toString(), member.token());
        assertEquals(19.5, saved.data().getJsonNumber("bmi").doubleValue(), 0.001, "BMI is derived");
        Api.Reply typedBmi = api.put("/api/v1/health/profile", Json.createObjectBuilder().add("heightCm", 170)
                .add("weightKg", 50).add("bmi", 99).build().toString(), member.token());
        assertEquals(400, typedBmi.status(), "BMI is not a field one sends: " + typedBmi.raw());
        assertEquals("UNKNOWN_FIELD", typedBmi.errorCode());
        assertEquals("bmi", typedBmi.body().getJsonObject("data").getJsonArray("fields").getJsonObject(0).getString("field"));
        Api.Reply typo = api.put("/api/v1/health/profile", Json.createObjectBuilder().add("heigthCm", 175)
                .add("weightKg", 50).build().toString(), member.token());
        assertEquals(400, typo.status(), "a replacing PUT with a misspelt field must not drop the value: " + typo.raw());
        assertTrue(typo.body().getString("message").contains("heigthCm"), typo.raw());
        assertEquals(160, api.get("/api/v1/health/profile", member.token()).data().getJsonNumber("heightCm").intValue(),
                "refused saves changed nothing");
    }

    /** The product document calls them height and weight; the server takes and gives both names. */
    @Test
    void theProfileSpeaksTheProductDocumentsFieldNamesToo() {
        Api.Session member = api.login(Api.newPhone());
        Api.Reply saved = api.put("/api/v1/health/profile", Json.createObjectBuilder().add("height", 160)
                .add("weight", 64).build().toString(), member.token());
        assertEquals(200, saved.status(), saved.raw());
        assertEquals(25.0, saved.data().getJsonNumber("bmi").doubleValue(), 0.001);
        assertEquals(160, saved.data().getJsonNumber("height").intValue());
        assertEquals(64, saved.data().getJsonNumber("weight").intValue());
        assertEquals(160, saved.data().getJsonNumber("heightCm").intValue());

        Api.Reply both = api.put("/api/v1/health/profile", Json.createObjectBuilder().add("height", 160)
                .add("heightCm", 170).build().toString(), member.token());
        assertEquals(400, both.status(), both.raw());
        assertEquals("PROFILE_FIELD_CONFLICT", both.errorCode());
        assertEquals(160, api.get("/api/v1/health/profile", member.token()).data().getJsonNumber("height").intValue(),
                "a refused save changes nothing");
    }

    @Test
    void healthTagsAreReplacedAsAWhole() {
        Api.Session member = api.login(Api.newPhone());
        String tags = Json.createObjectBuilder().add("tags", Json.createArrayBuilder().add("高血压").add("糖尿病").add("高血压"))
                .build().toString();
        Api.Reply reply = api.put("/api/v1/health/profile/health-tags", tags, member.token());
        assertEquals(200, reply.status(), reply.raw());
        assertEquals(2, reply.data().getJsonArray("tags").size());
        api.put("/api/v1/health/profile/health-tags", Json.createObjectBuilder().add("tags",
                Json.createArrayBuilder().add("孕期")).build().toString(), member.token());
        assertEquals("[\"孕期\"]", api.get("/api/v1/health/profile", member.token()).data().getJsonArray("healthTags")
                .toString());
    }

    @Test
    void aTrendHasStatisticsForBothReadingsADirectionAndAdvice() {
        Api.Session member = api.login(Api.newPhone());
        bloodPressure(member, 150, 95, 100);
        bloodPressure(member, 145, 92, 75);
        bloodPressure(member, 138, 88, 50);
        bloodPressure(member, 130, 84, 25);
        bloodPressure(member, 122, 80, 1);
        Api.Reply reply = api.get("/api/v1/health/trends?type=blood_pressure&period=7d", member.token());
        assertEquals(200, reply.status(), reply.raw());
        JsonObject trend = reply.data();
        assertEquals(5, trend.getJsonObject("statistics").getInt("count"));
        assertEquals(150, trend.getJsonObject("statistics").getInt("max"));
        assertEquals(122, trend.getJsonObject("statistics").getInt("min"));
        assertEquals(87.8, trend.getJsonObject("diastolic").getJsonNumber("average").doubleValue(), 0.001);
        assertEquals("falling", trend.getString("trend"));
        assertEquals("raw", trend.getString("granularity"));
        assertEquals(5, trend.getJsonArray("dataPoints").size());
        assertEquals("warning", trend.getJsonArray("advice").getJsonObject(0).getString("level"));

        JsonObject month = api.get("/api/v1/health/trends?type=blood_pressure&period=30d", member.token()).data();
        assertEquals("daily", month.getString("granularity"));
        assertTrue(month.getJsonArray("dataPoints").size() <= 5);
        assertEquals(400, api.get("/api/v1/health/trends?type=blood_pressure&period=2w", member.token()).status());
        assertEquals(400, api.get("/api/v1/health/trends?type=blood_pressure&start=2026-11-10&end=2026-11-01",
                member.token()).status());
    }

    @Test
    void trendsFollowEveryWriteCorrectionAndDeletionEvenWhenReadInBetween() {
        Api.Session member = api.login(Api.newPhone());
        String month = "/api/v1/health/trends?type=blood_pressure&period=30d";
        bloodPressure(member, 150, 95, 24 * 12);
        bloodPressure(member, 140, 90, 24 * 10);
        assertEquals(2, api.get(month, member.token()).data().getJsonObject("statistics").getInt("count"));
        bloodPressure(member, 130, 85, 24 * 2);
        assertEquals(3, api.get(month, member.token()).data().getJsonObject("statistics").getInt("count"),
                "a trend read before a write is not served after it");
        var records = api.get("/api/v1/health/records?type=blood_pressure", member.token()).data().getJsonArray("items");
        String newest = records.getJsonObject(0).getString("id");
        String oldest = records.getJsonObject(2).getString("id");
        api.put("/api/v1/health/records/" + newest, Json.createObjectBuilder().add("type", "blood_pressure").add("value", 160)
                .add("metadata", Json.createObjectBuilder().add("diastolic", 100)).build().toString(), member.token());
        assertEquals(160, api.get(month, member.token()).data().getJsonObject("statistics").getInt("max"));
        api.send(api.request("/api/v1/health/records/" + oldest, member.token()).DELETE());

        JsonObject trend = api.get(month, member.token()).data();
        assertEquals(2, trend.getJsonObject("statistics").getInt("count"), trend.toString());
        assertEquals(160, trend.getJsonObject("statistics").getInt("max"));
        assertEquals(140, trend.getJsonObject("statistics").getInt("min"));
        assertEquals(150.0, trend.getJsonObject("statistics").getJsonNumber("average").doubleValue(), 0.001);
        assertEquals(2, trend.getJsonArray("dataPoints").size());
    }

    @Test
    void readingsOfOneDayAddUpInTheDailyPoint() {
        Api.Session member = api.login(Api.newPhone());
        java.time.ZonedDateTime noon = java.time.LocalDate.now(Care.SHANGHAI).minusDays(3).atTime(12, 0)
                .atZone(Care.SHANGHAI);
        int[][] readings = {{128, 82}, {186, 112}, {141, 79}, {119, 76}};
        for (int i = 0; i < readings.length; i++) {
            String body = Json.createObjectBuilder().add("type", "blood_pressure").add("value", readings[i][0])
                    .add("recordedAt", noon.plusMinutes(i).toInstant().toString())
                    .add("metadata", Json.createObjectBuilder().add("diastolic", readings[i][1])).build().toString();
            assertEquals(200, api.post("/api/v1/health/records", body, member.token()).status());
        }
        JsonObject month = api.get("/api/v1/health/trends?type=blood_pressure&period=30d", member.token()).data();
        assertEquals(1, month.getJsonArray("dataPoints").size(), month.toString());
        JsonObject day = month.getJsonArray("dataPoints").getJsonObject(0);
        assertEquals(4, day.getInt("count"));
        assertEquals(119, day.getInt("min"));
        assertEquals(186, day.getInt("max"));
        assertEquals(143.5, day.getJsonNumber("value").doubleValue(), 0.001);
        assertEquals(87.25, day.getJsonNumber("diastolic").doubleValue(), 0.001);
        assertEquals(143.5, month.getJsonObject("statistics").getJsonNumber("average").doubleValue(), 0.001);
    }

    @Test
    void aWeekOfWeightIsReclassifiedWhenTheHeightChanges() {
        Api.Session member = api.login(Api.newPhone());
        api.put("/api/v1/health/profile", Json.createObjectBuilder().add("heightCm", 170).build().toString(),
                member.token());
        api.post("/api/v1/health/records", Json.createObjectBuilder().add("type", "weight").add("value", 85).build()
                .toString(), member.token()); // BMI 29.4 at 170 cm
        String week = "/api/v1/health/trends?type=weight&period=7d";
        assertEquals("obese", api.get(week, member.token()).data().getJsonArray("dataPoints").getJsonObject(0)
                .getString("level"));
        api.put("/api/v1/health/profile", Json.createObjectBuilder().add("heightCm", 190).build().toString(),
                member.token()); // BMI 23.5
        assertEquals("normal", api.get(week, member.token()).data().getJsonArray("dataPoints").getJsonObject(0)
                .getString("level"));
    }

    @Test
    void theDashboardShowsTheLatestReadingItsChangeAndTheWeek() {
        Api.Session member = api.login(Api.newPhone());
        bloodPressure(member, 140, 90, 30);
        bloodPressure(member, 132, 86, 2);
        api.post("/api/v1/health/records", Json.createObjectBuilder().add("type", "steps").add("value", 7000).build()
                .toString(), member.token());
        JsonObject dashboard = api.get("/api/v1/health/dashboard", member.token()).data();
        assertEquals(2, dashboard.getJsonArray("cards").size(), dashboard.toString());
        JsonObject bp = dashboard.getJsonArray("cards").getJsonObject(0);
        assertEquals("blood_pressure", bp.getString("type"));
        assertEquals(132, bp.getInt("value"));
        assertEquals(86, bp.getInt("diastolic"));
        assertEquals(-8, bp.getInt("change"));
        assertEquals("high_normal", bp.getJsonObject("indicator").getString("level"));
        assertTrue(bp.getJsonArray("sparkline").size() >= 1);
    }

    @Test
    void anotherMembersProfileTrendsAndDashboardAreNotFound() {
        Api.Session owner = api.login(Api.newPhone());
        Api.Session other = api.login(Api.newPhone());
        String person = "?personId=" + owner.memberId();
        assertEquals(404, api.get("/api/v1/health/profile" + person, other.token()).status());
        assertEquals(404, api.put("/api/v1/health/profile" + person, "{\"heightCm\":170}", other.token()).status());
        assertEquals(404, api.put("/api/v1/health/profile/health-tags" + person, "{\"tags\":[\"x\"]}", other.token())
                .status());
        assertEquals(404, api.get("/api/v1/health/trends" + person + "&type=blood_pressure", other.token()).status());
        assertEquals(404, api.get("/api/v1/health/dashboard" + person, other.token()).status());
        assertFalse(api.get("/api/v1/health/profile", owner.token()).data().containsKey("heightCm"),
                "the owner's profile is unchanged");
    }
}
