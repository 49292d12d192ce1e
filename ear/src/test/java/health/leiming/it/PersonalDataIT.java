package health.leiming.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The member's copy of everything we hold about them (PIPL art. 45): every area present and filled,
 * earlier versions of a corrected reading included, nobody else's data in it, offered as a file, and
 * the export itself in the audit log.
 */
class PersonalDataIT extends DeployedEar {

    private final Api api = new Api();

    @Test
    void theExportHoldsEveryAreaOfTheMembersDataAndNobodyElses() {
        Api.Session member = api.login(Api.newPhone());
        String marker = "导出" + System.nanoTime() % 100_000;
        api.put("/api/v1/users/me", Json.createObjectBuilder().add("name", "欧阳" + marker).build().toString(), member.token());
        String mother = api.post("/api/v1/persons", Json.createObjectBuilder().add("name", "母亲" + marker)
                .add("relation", "parent").build().toString(), member.token()).data().getString("id");
        assertEquals(200, api.put("/api/v1/health/profile", "{\"heightCm\":168,\"bloodType\":\"A\"}", member.token()).status());
        String reading = api.post("/api/v1/health/records", "{\"type\":\"blood_pressure\",\"value\":150,"
                + "\"metadata\":{\"diastolic\":96}}", member.token()).data().getString("id");
        assertEquals(200, api.put("/api/v1/health/records/" + reading, "{\"type\":\"blood_pressure\",\"value\":132,"
                + "\"metadata\":{\"diastolic\":86},\"reason\":\"测错了\"}", member.token()).status());
        assertEquals(200, api.post("/api/v1/health/records?personId=" + mother, "{\"type\":\"weight\",\"value\":58.5}",
                member.token()).status());
        assertEquals(200, api.post("/api/v1/health/plans", Json.createObjectBuilder().add("title", "每天走6000步")
                .add("kind", "reach").add("type", "steps").add("target", 6000)
                .add("startDate", LocalDate.now(Care.SHANGHAI).toString()).build().toString(), member.token()).status());
        assertEquals(200, api.post("/api/v1/ai/interpretations", "{\"kind\":\"lab\",\"items\":[{\"name\":\"空腹血糖\","
                + "\"value\":6.8,\"unit\":\"mmol/L\",\"referenceRange\":\"3.9-6.1\"}]}", member.token()).status());
        Care care = new Care(api);
        String serviceId = care.service("陪诊" + System.nanoTime(), "199.00", 60).getString("id");
        care.staff("甲", serviceId);
        Api.Reply booked = api.post("/api/v1/appointments", Care.booking(serviceId, Care.slot(10), null), member.token());
        assertEquals(200, booked.status(), booked.raw());
        api.await("/api/v1/messages/unread-count", member.token(), r -> r.data().getInt("count") >= 1, Duration.ofSeconds(10));

        Api.Reply reply = api.get("/api/v1/privacy/my-data", member.token());
        assertEquals(200, reply.status(), reply.raw());
        assertTrue(reply.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment;"),
                "offered as a file to save");
        JsonObject data = reply.data();
        assertEquals(member.memberId(), data.getString("memberId"));
        for (String area : List.of("account", "health", "orders", "content", "messages", "consents", "auditLog")) {
            assertTrue(data.containsKey(area), "area " + area + " in " + data.keySet());
        }
        JsonObject account = data.getJsonObject("account");
        assertEquals("欧阳" + marker, account.getJsonObject("profile").getString("name"));
        assertFalse(account.toString().contains(member.phone()), "the phone is masked as in every answer");
        assertEquals(2, account.getJsonArray("persons").size());
        assertFalse(account.getJsonArray("sessions").isEmpty());

        List<JsonObject> health = data.getJsonArray("health").getValuesAs(JsonObject.class);
        assertEquals(2, health.size(), "the member and their mother");
        JsonObject own = health.stream().filter(h -> h.getString("personId").equals(member.memberId())).findFirst().orElseThrow();
        assertEquals(168, own.getJsonObject("profile").getJsonNumber("heightCm").intValue(), own.toString());
        JsonObject corrected = own.getJsonArray("records").getJsonObject(0);
        assertEquals(132, corrected.getJsonObject("record").getJsonNumber("value").intValue());
        assertEquals(1, corrected.getJsonArray("history").size(), "the earlier version of the corrected reading");
        assertTrue(corrected.getJsonArray("history").toString().contains("150"), corrected.toString());
        assertEquals(1, own.getJsonArray("plans").size());
        JsonObject theirs = health.stream().filter(h -> h.getString("personId").equals(mother)).findFirst().orElseThrow();
        assertEquals(1, theirs.getJsonArray("records").size());

        assertEquals(1, data.getJsonObject("orders").getJsonArray("orders").size());
        assertEquals(1, data.getJsonObject("content").getJsonArray("interpretations").size());
        assertFalse(data.getJsonObject("messages").getJsonArray("messages").isEmpty(), "the welcome message at least");
        assertEquals(5, data.getJsonArray("consents").size(), "the five acceptances at registration");
        assertTrue(data.getJsonArray("auditLog").toString().contains("health.record.correct"));

        // Another member's export has none of it; the export is in the audit log.
        Api.Session other = api.login(Api.newPhone());
        String theirExport = api.get("/api/v1/privacy/my-data", other.token()).raw();
        assertFalse(theirExport.contains(marker) || theirExport.contains(reading) || theirExport.contains(mother));
        assertEquals(401, api.get("/api/v1/privacy/my-data", null).status());
        Api.Reply audited = api.await("/api/v1/admin/audit-log?actorId=" + member.memberId(), care.adminToken(),
                r -> r.raw().contains("privacy.export"), Duration.ofSeconds(10));
        assertTrue(audited.raw().contains("privacy.export"), audited.raw());
    }
}
