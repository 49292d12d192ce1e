package health.leiming.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** Sets up the catalog through the admin API: the admin login, services and staff for a test. */
final class Care {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final Api api;
    private final String adminToken;

    Care(Api api) {
        this.api = api;
        Api.Reply login = api.post("/api/v1/admin/login", Api.json("username", "it-admin", "password",
                "it-admin-Secret-1"), null);
        assertEquals(200, login.status(), login.raw());
        this.adminToken = login.data().getString("token");
    }

    String adminToken() {
        return adminToken;
    }

    /** Starts a batch job as the admin and waits for it to complete; its execution. */
    JsonObject runJob(String job, String parameters) {
        Api.Reply started = api.post("/api/v1/admin/jobs/" + job + "/start", parameters, adminToken);
        assertEquals(200, started.status(), started.raw());
        long execution = started.data().getJsonNumber("executionId").longValue();
        Api.Reply done = api.await("/api/v1/admin/jobs/executions/" + execution, adminToken,
                r -> r.data().getString("status").equals("COMPLETED"), java.time.Duration.ofSeconds(60));
        assertEquals("COMPLETED", done.data().getString("status"), done.raw());
        return done.data();
    }

    /**
     * Pauses every hospital connection: other tests' point at fake servers long gone, and a run of the
     * hospital-import job fails while any of them is active.
     */
    void pauseHospitalConnections() {
        for (JsonObject c : api.get("/api/v1/admin/hospital-connections", adminToken).dataArray()
                .getValuesAs(JsonObject.class)) {
            if (c.getBoolean("active")) {
                Api.Reply paused = api.put("/api/v1/admin/hospital-connections/" + c.getString("id"), Json.createObjectBuilder()
                        .add("baseUrl", c.getString("baseUrl")).add("active", false).build().toString(), adminToken);
                assertEquals(200, paused.status(), paused.raw());
            }
        }
    }

    JsonObject service(String name, String price, int minutes) {
        Api.Reply created = api.post("/api/v1/admin/services", Json.createObjectBuilder().add("name", name)
                .add("category", "companion").add("price", new java.math.BigDecimal(price))
                .add("durationMinutes", minutes).build().toString(), adminToken);
        assertEquals(200, created.status(), created.raw());
        return created.data();
    }

    JsonObject hospital(String name) {
        Api.Reply created = api.post("/api/v1/admin/hospitals", Json.createObjectBuilder().add("name", name)
                .add("grade", "三级甲等").add("city", "上海").build().toString(), adminToken);
        assertEquals(200, created.status(), created.raw());
        return created.data();
    }

    JsonObject staff(String name, String serviceId, String... hospitalIds) {
        return staffInWecom(name, null, serviceId, hospitalIds);
    }

    /** A companion with a WeCom account (who gets task messages in WeCom). */
    JsonObject staffInWecom(String name, String wecomUserId, String serviceId, String... hospitalIds) {
        JsonArrayBuilder hospitals = Json.createArrayBuilder();
        for (String id : hospitalIds) {
            hospitals.add(id);
        }
        var body = Json.createObjectBuilder().add("name", name)
                .add("phone", Api.newPhone()).add("serviceIds", Json.createArrayBuilder().add(serviceId))
                .add("hospitalIds", hospitals);
        if (wecomUserId != null) {
            body.add("wecomUserId", wecomUserId);
        }
        Api.Reply created = api.post("/api/v1/admin/staff", body.build().toString(), adminToken);
        assertEquals(200, created.status(), created.raw());
        return created.data();
    }

    /** A slot start the day after tomorrow (Shanghai time): bookable whatever the time now. */
    static Instant slot(int hour) {
        return ZonedDateTime.of(LocalDate.now(SHANGHAI).plusDays(2), LocalTime.of(hour, 0), SHANGHAI).toInstant();
    }

    static LocalDate slotDay() {
        return LocalDate.now(SHANGHAI).plusDays(2);
    }

    static String booking(String serviceId, Instant at, String personId) {
        var body = Json.createObjectBuilder().add("serviceId", serviceId).add("scheduledTime", at.toString())
                .add("contactPerson", "张三").add("contactPhone", "13800138000").add("notes", "需要轮椅辅助");
        if (personId != null) {
            body.add("personId", personId);
        }
        return body.build().toString();
    }
}
