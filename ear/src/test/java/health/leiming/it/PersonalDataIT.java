package health.leiming.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * The member's copy of everything we hold about them (PIPL art. 45): every area present and filled,
 * earlier versions of a corrected reading included, nobody else's data in it, offered as a file, and
 * the export itself in the audit log. And the same as an archive prepared in the background: only its
 * member downloads it, each download audited, stored encrypted, refused once expired and then deleted.
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

    private static Connection database() throws SQLException {
        return DriverManager.getConnection(System.getProperty("leiming.it.db-url"),
                System.getProperty("leiming.it.db-user"), System.getProperty("leiming.it.db-password", ""));
    }

    /** The download: status, content type and the archive's entries by name. */
    private record Download(int status, String contentType, Map<String, String> entries, String raw) {
    }

    private Download download(String path, String token) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(api.request(path, token).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        String type = response.headers().firstValue("Content-Type").orElse("");
        Map<String, String> entries = new HashMap<>();
        if (response.statusCode() == 200) {
            try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(response.body()), StandardCharsets.UTF_8)) {
                for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                    entries.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        return new Download(response.statusCode(), type, entries, new String(response.body(), StandardCharsets.UTF_8));
    }

    private JsonObject awaitReady(Api.Session member, String exportId) {
        Api.Reply listed = api.await("/api/v1/privacy/exports", member.token(), r -> r.dataArray()
                .getValuesAs(JsonObject.class).stream().anyMatch(e -> e.getString("id").equals(exportId)
                        && e.getString("status").equals("ready")), Duration.ofSeconds(20));
        return listed.dataArray().getValuesAs(JsonObject.class).stream().filter(e -> e.getString("id").equals(exportId))
                .findFirst().orElseThrow();
    }

    @Test
    void theArchiveIsPreparedInTheBackgroundForItsMemberOnlyAndGoesWhenItExpires() throws Exception {
        Api.Session member = api.login(Api.newPhone());
        Care care = new Care(api);
        String marker = "归档" + System.nanoTime() % 100_000;
        String mother = api.post("/api/v1/persons", Json.createObjectBuilder().add("name", "母亲" + marker)
                .add("relation", "parent").build().toString(), member.token()).data().getString("id");
        String reading = api.post("/api/v1/health/records?personId=" + mother, "{\"type\":\"weight\",\"value\":61.3}",
                member.token()).data().getString("id");

        Api.Reply asked = api.post("/api/v1/privacy/exports", "", member.token());
        assertEquals(202, asked.status(), asked.raw());
        String exportId = asked.data().getString("id");
        assertEquals("pending", asked.data().getString("status"));
        JsonObject ready = awaitReady(member, exportId);
        assertEquals("/api/v1/privacy/exports/" + exportId + "/archive", ready.getString("download"));
        assertTrue(Instant.parse(ready.getString("expiresAt")).isAfter(Instant.now().plus(Duration.ofDays(6))),
                "offered for a week: " + ready);

        // Nobody else gets it, not even knowing its id; no token, no archive.
        Api.Session other = api.login(Api.newPhone());
        assertEquals(404, download(ready.getString("download"), other.token()).status());
        assertEquals(401, download(ready.getString("download"), null).status());

        Download archive = download(ready.getString("download"), member.token());
        assertEquals(200, archive.status(), archive.raw());
        assertTrue(archive.contentType().startsWith("application/zip"), archive.contentType());
        String json = archive.entries().get("my-data.json");
        assertTrue(json.contains("母亲" + marker) && json.contains(reading) && json.contains("61.3"), json);
        assertTrue(json.contains("\"memberId\":\"" + member.memberId() + "\""));
        assertTrue(archive.entries().containsKey("说明.txt"), archive.entries().keySet().toString());
        assertEquals(1, awaitReady(member, exportId).getInt("downloads"));
        Api.Reply audited = api.await("/api/v1/admin/audit-log?actorId=" + member.memberId(), care.adminToken(),
                r -> r.raw().contains("privacy.export.download"), Duration.ofSeconds(10));
        assertTrue(audited.raw().contains("privacy.export.request"), audited.raw());

        try (Connection db = database()) {
            try (PreparedStatement read = db.prepareStatement("SELECT archive FROM data_exports WHERE id = ?")) {
                read.setString(1, exportId);
                try (ResultSet row = read.executeQuery()) {
                    assertTrue(row.next());
                    String stored = row.getString(1);
                    assertTrue(stored.startsWith("v2:") && !stored.contains(marker) && !stored.contains(reading),
                            "stored encrypted");
                }
            }
            try (PreparedStatement expire = db.prepareStatement("UPDATE data_exports SET expires_at = ? WHERE id = ?")) {
                expire.setTimestamp(1, Timestamp.from(Instant.now().minusSeconds(60)));
                expire.setString(2, exportId);
                assertEquals(1, expire.executeUpdate());
            }
        }
        Download expired = download(ready.getString("download"), member.token());
        assertEquals(410, expired.status(), expired.raw());
        assertTrue(expired.raw().contains("EXPORT_EXPIRED"), expired.raw());

        // Three a day: two more, each prepared, then the fourth is refused.
        for (int i = 0; i < 2; i++) {
            Api.Reply more = api.post("/api/v1/privacy/exports", "", member.token());
            assertEquals(202, more.status(), more.raw());
            awaitReady(member, more.data().getString("id"));
        }
        Api.Reply fourth = api.post("/api/v1/privacy/exports", "", member.token());
        assertEquals(429, fourth.status(), fourth.raw());
        assertEquals("EXPORT_TOO_FREQUENT", fourth.body().getString("errorCode"));

        // The retention job deletes the expired one, and only it.
        String status = care.runJob("retention", "{}").getString("exitStatus");
        assertTrue(status.startsWith("purged {"), status);
        List<String> left = api.get("/api/v1/privacy/exports", member.token()).dataArray().getValuesAs(JsonObject.class)
                .stream().map(e -> e.getString("id")).toList();
        assertFalse(left.contains(exportId), left.toString());
        assertEquals(2, left.size(), left.toString());
    }
}
