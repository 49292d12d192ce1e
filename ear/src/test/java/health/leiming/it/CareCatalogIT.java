package health.leiming.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Admin login and the catalog: admins manage services, hospitals and staff; members browse. */
class CareCatalogIT extends DeployedEar {

    private final Api api = new Api();

    @Test
    void onlyTheRightPasswordGivesAnAdminToken() {
        Api.Reply wrong = api.post("/api/v1/admin/login", Api.json("username", "it-admin", "password", "guess"), null);
        assertEquals(401, wrong.status());
        assertEquals("LOGIN_FAILED", wrong.body().getString("errorCode"));
        Api.Reply unknown = api.post("/api/v1/admin/login", Api.json("username", "nobody", "password", "guess"), null);
        assertEquals(401, unknown.status());
        assertEquals(wrong.body().getString("message"), unknown.body().getString("message"),
                "an unknown username is not told apart from a wrong password");

        Care care = new Care(api);
        assertEquals(200, api.get("/api/v1/admin/services", care.adminToken()).status());
        Api.Session member = api.login(Api.newPhone());
        assertEquals(403, api.get("/api/v1/admin/services", member.token()).status(), "members are not admins");
        assertEquals(401, api.get("/api/v1/admin/services", null).status());
        assertEquals(403, api.get("/api/v1/admin/audit-log", Tokens.signed(Tokens.claims("staff-1", "staff",
                java.time.Instant.now(), java.time.Instant.now().plusSeconds(600)), Tokens.serverKey())).status());
    }

    @Test
    void servicesManagedByAdminsAreBrowsedWithoutLoginAndCached() {
        Care care = new Care(api);
        JsonObject service = care.service("全程陪诊" + System.nanoTime(), "299.00", 240);
        String id = service.getString("id");
        assertEquals(new BigDecimal("299.00"), service.getJsonNumber("price").bigDecimalValue());
        assertEquals("陪诊", service.getString("categoryLabel"));

        Api.Reply listed = api.get("/api/v1/services?category=companion", null);
        assertEquals(200, listed.status(), listed.raw());
        assertTrue(listed.headers().firstValue("Cache-Control").orElse("").contains("max-age="));
        assertTrue(listed.raw().contains(id));
        assertEquals(200, api.get("/api/v1/services/" + id, null).status());

        Api.Reply off = api.put("/api/v1/admin/services/" + id, Json.createObjectBuilder()
                .add("name", service.getString("name")).add("category", "companion").add("price", 299)
                .add("durationMinutes", 240).add("active", false).build().toString(), care.adminToken());
        assertEquals(200, off.status(), off.raw());
        assertFalse(api.get("/api/v1/services", null).raw().contains(id), "an inactive service is not offered");
        assertEquals(404, api.get("/api/v1/services/" + id, null).status());
        assertTrue(api.get("/api/v1/admin/services", care.adminToken()).raw().contains(id), "admins still see it");
    }

    @Test
    void badServicesAreRefusedWithTheFieldAtFault() {
        Care care = new Care(api);
        Api.Reply fractions = api.post("/api/v1/admin/services", Json.createObjectBuilder().add("name", "代取报告")
                .add("category", "report_pickup").add("price", new BigDecimal("9.999")).add("durationMinutes", 60)
                .build().toString(), care.adminToken());
        assertEquals(400, fractions.status(), fractions.raw());
        Api.Reply category = api.post("/api/v1/admin/services", Json.createObjectBuilder().add("name", "代取报告")
                .add("category", "massage").add("price", 10).add("durationMinutes", 60).build().toString(),
                care.adminToken());
        assertEquals(400, category.status());
        assertEquals("CATEGORY_INVALID", category.body().getString("errorCode"));
        Api.Reply negative = api.post("/api/v1/admin/services", Json.createObjectBuilder().add("name", "代取报告")
                .add("category", "other").add("price", -1).add("durationMinutes", 60).build().toString(),
                care.adminToken());
        assertEquals(400, negative.status());
    }

    @Test
    void hospitalsShowTheirDepartmentsAndDoctors() {
        Care care = new Care(api);
        String hospitalId = care.hospital("瑞金医院" + System.nanoTime()).getString("id");
        JsonObject withDepartment = api.post("/api/v1/admin/hospitals/" + hospitalId + "/departments",
                Api.json("name", "心内科"), care.adminToken()).data();
        String departmentId = withDepartment.getJsonArray("departments").getJsonObject(0).getString("id");
        Api.Reply doctor = api.post("/api/v1/admin/departments/" + departmentId + "/doctors",
                Api.json("name", "李医生", "title", "主任医师", "specialty", "高血压"), care.adminToken());
        assertEquals(200, doctor.status(), doctor.raw());

        JsonObject hospital = api.get("/api/v1/hospitals/" + hospitalId, null).data();
        assertEquals("心内科", hospital.getJsonArray("departments").getJsonObject(0).getString("name"));
        assertEquals("李医生", hospital.getJsonArray("departments").getJsonObject(0).getJsonArray("doctors")
                .getJsonObject(0).getString("name"));
        assertEquals(404, api.post("/api/v1/admin/departments/nope/doctors", Api.json("name", "王医生"),
                care.adminToken()).status());

        String doctorId = hospital.getJsonArray("departments").getJsonObject(0).getJsonArray("doctors")
                .getJsonObject(0).getString("id");
        Api.Reply retired = api.put("/api/v1/admin/doctors/" + doctorId, Json.createObjectBuilder().add("name", "李医生")
                .add("title", "主任医师").add("active", false).build().toString(), care.adminToken());
        assertEquals(200, retired.status(), retired.raw());
        assertFalse(retired.data().getJsonArray("departments").getJsonObject(0).getJsonArray("doctors")
                .getJsonObject(0).getBoolean("active"), "admins still see the retired doctor");
        assertEquals(0, api.get("/api/v1/hospitals/" + hospitalId, null).data().getJsonArray("departments")
                .getJsonObject(0).getJsonArray("doctors").size(), "members do not");
        Api.Reply closed = api.put("/api/v1/admin/departments/" + departmentId, Json.createObjectBuilder()
                .add("name", "心血管内科").add("active", false).build().toString(), care.adminToken());
        assertEquals(200, closed.status(), closed.raw());
        assertEquals(0, api.get("/api/v1/hospitals/" + hospitalId, null).data().getJsonArray("departments").size());
        Api.Reply blank = api.put("/api/v1/admin/departments/" + departmentId, Api.json("name", " "), care.adminToken());
        assertEquals(400, blank.status(), blank.raw());
        assertEquals(404, api.put("/api/v1/admin/doctors/nope", Api.json("name", "王医生"), care.adminToken()).status());
    }

    @Test
    void staffPhonesAreMaskedAndUnknownServicesRefused() {
        Care care = new Care(api);
        String serviceId = care.service("代取药品" + System.nanoTime(), "39.00", 60).getString("id");
        JsonObject staff = care.staff("王护工", serviceId);
        assertTrue(staff.getString("phone").matches("1\\d{2}\\*{4}\\d{4}"), staff.toString());
        Api.Reply unknown = api.post("/api/v1/admin/staff", Json.createObjectBuilder().add("name", "赵护工")
                .add("serviceIds", Json.createArrayBuilder().add("no-such-service")).build().toString(),
                care.adminToken());
        assertEquals(400, unknown.status());
        assertEquals("SERVICE_UNKNOWN", unknown.body().getString("errorCode"));
    }
}
