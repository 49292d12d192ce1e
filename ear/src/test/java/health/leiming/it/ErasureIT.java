package health.leiming.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Deleting an account (注销) and deleting one family member: the member fills every area, asks with an SMS
 * code, can take it back by logging in, and after the cooling-off the nightly job erases them. Then every
 * table of the schema, read from the database, is scanned for their ids, phone numbers, names, ID card
 * numbers and openid: only the audit log keeps ids (never anything else), and the orders and payments the
 * law keeps are there under random ids. A table the erasure does not know about fails the test.
 */
class ErasureIT extends DeployedEar {

    /**
     * Every table of ours and what an erasure does to it. A new table must be added here, and to the
     * erasure of its context when it holds personal data.
     */
    private static final Map<String, String> TABLES = Map.ofEntries(
            Map.entry("users", "erased; a tombstone row stands in for the account under orders kept"),
            Map.entry("persons", "erased"), Map.entry("health_records", "erased"),
            Map.entry("health_record_revisions", "erased"), Map.entry("health_daily_stats", "erased"),
            Map.entry("health_profiles", "erased"), Map.entry("health_tags", "erased"),
            Map.entry("health_plans", "erased"), Map.entry("health_reports", "erased"),
            Map.entry("contact_verifications", "erased"), Map.entry("ai_interpretations", "erased"),
            Map.entry("knowledge_likes", "erased"), Map.entry("messages", "erased"),
            Map.entry("notification_deliveries", "erased"), Map.entry("notification_preferences", "erased"),
            Map.entry("subscribe_grants", "erased"), Map.entry("chat_messages", "erased"),
            Map.entry("refresh_tokens", "erased"), Map.entry("sms_codes", "erased"), Map.entry("sms_throttles", "erased"),
            Map.entry("data_exports", "erased"), Map.entry("hospital_consents", "erased"),
            Map.entry("hospital_patient_links", "erased"), Map.entry("lab_reports", "erased"),
            Map.entry("lab_results", "erased"),
            Map.entry("fhir_observation_ids", "erased"), Map.entry("fhir_clients", "no member data"),
            Map.entry("fhir_used_assertions", "no member data"),
            Map.entry("fhir_bulk_exports", "no member data (what a hospital asked for)"),
            Map.entry("fhir_bulk_files", "erased (the files naming them)"),
            Map.entry("hospital_connections", "no member data"), Map.entry("doctor_clinic_times", "no member data"),
            Map.entry("consent_records", "erased"), Map.entry("outbox_events", "erased"),
            Map.entry("processed_events", "erased"), Map.entry("rate_counters", "erased"),
            Map.entry("batch_skips", "erased"), Map.entry("wecom_inbox", "erased"),
            Map.entry("orders", "kept, pseudonymised"), Map.entry("order_transitions", "kept, pseudonymised"),
            Map.entry("appointments", "kept, pseudonymised"), Map.entry("payments", "kept, names nobody"),
            Map.entry("refunds", "kept, names nobody"), Map.entry("reviews", "kept, pseudonymised, without words"),
            Map.entry("staff_slot_claims", "kept, names nobody"),
            Map.entry("reconciliations", "no member data (a bill day's totals)"),
            Map.entry("reconciliation_differences", "kept, names nobody (order and refund numbers, amounts)"),
            Map.entry("audit_log", "kept: ids only, the access record the law requires"),
            Map.entry("audit_chain", "no member data"), Map.entry("admins", "no member data"),
            Map.entry("admin_recovery_codes", "no member data"), Map.entry("consent_documents", "no member data"),
            Map.entry("hospitals", "no member data"), Map.entry("departments", "no member data"),
            Map.entry("doctors", "no member data"), Map.entry("services", "no member data"),
            Map.entry("staff", "no member data"), Map.entry("staff_hospitals", "no member data"),
            Map.entry("staff_services", "no member data"), Map.entry("health_knowledge", "no member data"),
            Map.entry("knowledge_tags", "no member data"), Map.entry("order_sequences", "no member data"),
            Map.entry("job_schedule_claims", "no member data"), Map.entry("schema_history", "no member data (the migrations applied)"));

    /**
     * The batch runtime's job repository: Liberty's tables, in our schema on MariaDB and PostgreSQL, where they
     * are named with a "wlp" prefix (wlpjobinstance, wlpstepthreadexecution...). Their job parameters are ours
     * and name no member.
     */
    private static final List<String> BATCH_RUNTIME = List.of("job", "step", "remotable", "group", "wlpjob", "wlpstep",
            "wlpremotable", "wlpgroup");

    private final Api api = new Api();
    private final Care care = new Care(api);
    private final FakeWechatApi wechat = FakeWechatApi.get();
    private final FakeWechatPay wechatPay = FakeWechatPay.get();

    private static Connection database() throws SQLException {
        return DriverManager.getConnection(System.getProperty("leiming.it.db-url"),
                System.getProperty("leiming.it.db-user"), System.getProperty("leiming.it.db-password", ""));
    }

    /** A valid mainland ID card number nobody else uses (date and check digit right). */
    static String newIdCard() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        LocalDate birth = LocalDate.of(1940, 1, 1).plusDays(random.nextInt(20_000));
        String body = "110101" + birth.toString().replace("-", "") + String.format("%03d", random.nextInt(1000));
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * weights[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    private String smsCode(String phone, String scene) {
        FakeSmsGateway.sleep(2_100); // the per-phone interval between codes
        Api.Reply sent = api.post("/api/v1/auth/sms-code", Api.json("phone", phone, "scene", scene), null);
        assertEquals(200, sent.status(), sent.raw());
        return FakeSmsGateway.get().latestCode(phone);
    }

    private record Order(String id, String orderNo, String staffId, String serviceId) {
    }

    /** Books for the person (the member's phone and name as the contact), pays; the companion starts it. */
    private Order bookPayAndStart(String token, String personId, String contactName, String contactPhone, int hour,
            String payBody) {
        String serviceId = care.service("陪诊" + System.nanoTime(), "199.00", 60).getString("id");
        String staffId = care.staff("陪诊员" + hour, serviceId).getString("id");
        String booking = Json.createObjectBuilder().add("serviceId", serviceId).add("scheduledTime", Care.slot(hour).toString())
                .add("contactPerson", contactName).add("contactPhone", contactPhone).add("notes", "轮椅" + contactName)
                .add("personId", personId).build().toString();
        Api.Reply booked = api.post("/api/v1/appointments", booking, token);
        assertEquals(200, booked.status(), booked.raw());
        String orderId = booked.data().getString("orderId");
        String orderNo = booked.data().getString("orderNo");
        Api.Reply pay = api.post("/api/v1/orders/" + orderId + "/pay", payBody, token);
        assertEquals(200, pay.status(), pay.raw());
        assertEquals(200, wechatPay.notify(FakeWechatPay.notificationBody("TRANSACTION.SUCCESS",
                FakeWechatPay.transaction(orderNo, 19900, "4200000011" + System.nanoTime()))).status());
        String staff = Tokens.staff(staffId);
        assertEquals(200, api.post("/api/v1/staff/tasks/" + orderId + "/confirm", "", staff).status());
        String checkIn = api.get("/api/v1/orders/" + orderId, token).data().getJsonObject("appointment").getString("checkInCode");
        assertEquals(200, api.post("/api/v1/staff/tasks/" + orderId + "/start", Api.json("checkInCode", checkIn), staff).status());
        return new Order(orderId, orderNo, staffId, serviceId);
    }

    @Test
    void aDeletedAccountLeavesNoTraceButThePseudonymisedOrdersAndTheAuditLogsIds() throws SQLException {
        String marker = Long.toString(System.nanoTime() % 1_000_000);
        String phone = Api.newPhone();
        String openid = "o-erase-" + System.nanoTime();
        Api.Reply ticket = api.post("/api/v1/auth/wechat-login", Api.json("code", wechat.loginCode(openid)), null);
        Api.Reply linked = api.post("/api/v1/auth/wechat-phone", Api.json("ticket", ticket.data().getString("ticket"),
                "phoneCode", wechat.phoneCode(phone)), null);
        assertEquals(200, linked.status(), linked.raw());
        String token = linked.data().getString("token");
        String memberId = linked.data().getJsonObject("user").getString("id");
        api.acceptAll(token);

        String name = "欧阳" + marker;
        String ownIdCard = newIdCard();
        assertEquals(200, api.put("/api/v1/users/me", Api.json("name", name), token).status());
        Api.Reply self = api.put("/api/v1/persons/" + memberId, Json.createObjectBuilder().add("name", name)
                .add("relation", "self").add("idCard", ownIdCard).build().toString(), token);
        assertEquals(200, self.status(), self.raw());
        String motherName = "母亲" + marker;
        String motherIdCard = newIdCard();
        String motherPhone = Api.newPhone();
        Api.Reply added = api.post("/api/v1/persons", Json.createObjectBuilder().add("name", motherName)
                .add("relation", "parent").add("idCard", motherIdCard).add("phone", motherPhone).build().toString(), token);
        assertEquals(200, added.status(), added.raw());
        String mother = added.data().getString("id");

        assertEquals(200, api.put("/api/v1/health/profile", "{\"heightCm\":168,\"bloodType\":\"A\",\"allergyInfo\":\"青霉素"
                + marker + "\"}", token).status());
        String reading = api.post("/api/v1/health/records", "{\"type\":\"blood_pressure\",\"value\":182,"
                + "\"metadata\":{\"diastolic\":118},\"notes\":\"头晕" + marker + "\"}", token).data().getString("id");
        assertEquals(200, api.put("/api/v1/health/records/" + reading, "{\"type\":\"blood_pressure\",\"value\":181,"
                + "\"metadata\":{\"diastolic\":117},\"reason\":\"测错了\"}", token).status());
        assertEquals(200, api.post("/api/v1/health/records?personId=" + mother, "{\"type\":\"weight\",\"value\":58.5}",
                token).status());
        assertEquals(200, api.post("/api/v1/health/plans", Json.createObjectBuilder().add("title", "每天走6000步")
                .add("kind", "reach").add("type", "steps").add("target", 6000)
                .add("startDate", LocalDate.now(Care.SHANGHAI).toString()).build().toString(), token).status());
        assertEquals(200, api.post("/api/v1/ai/interpretations", "{\"kind\":\"lab\",\"items\":[{\"name\":\"空腹血糖\","
                + "\"value\":6.8,\"unit\":\"mmol/L\",\"referenceRange\":\"3.9-6.1\"}]}", token).status());
        assertEquals(200, api.put("/api/v1/messages/preferences", "{\"quietHours\":{\"start\":\"22:00\",\"end\":\"07:00\"}}",
                token).status());

        Order order = bookPayAndStart(token, mother, name, phone, 10, "{}"); // pays with the linked WeChat account
        assertEquals(200, api.post("/api/v1/orders/" + order.id() + "/chat", Api.json("content", "我是" + name), token).status());
        assertEquals(202, api.post("/api/v1/privacy/exports", "", token).status(), "a copy of the data, prepared");

        // An order under way stops the request (before any code is checked).
        Api.Reply blocked = api.post("/api/v1/privacy/deletion", Api.json("code", "123456"), token);
        assertEquals(409, blocked.status(), blocked.raw());
        assertEquals("DELETION_BLOCKED", blocked.body().getString("errorCode"));

        assertEquals(200, api.post("/api/v1/staff/tasks/" + order.id() + "/complete", "", Tokens.staff(order.staffId())).status());
        Api.Reply reviewed = api.post("/api/v1/orders/" + order.id() + "/review", Json.createObjectBuilder().add("rating", 4)
                .add("content", "谢谢，" + name).build().toString(), token);
        assertEquals(200, reviewed.status(), reviewed.raw());
        api.await("/api/v1/messages/unread-count", token, r -> r.data().getInt("count") >= 3, Duration.ofSeconds(15));

        // A login code cannot confirm; a wrong code neither; nothing pending after either.
        Api.Reply loginCode = api.post("/api/v1/privacy/deletion", Api.json("code", smsCode(phone, "login")), token);
        assertEquals(400, loginCode.status(), loginCode.raw());
        assertFalse(api.get("/api/v1/privacy/deletion", token).data().getBoolean("pending"));

        Api.Reply requested = api.post("/api/v1/privacy/deletion", Api.json("code", smsCode(phone, "deletion")), token);
        assertEquals(200, requested.status(), requested.raw());
        assertTrue(requested.data().getBoolean("pending"));
        Instant eraseAfter = Instant.parse(requested.data().getString("eraseAfter"));
        assertTrue(eraseAfter.isAfter(Instant.now().plus(14, ChronoUnit.DAYS)), "15 days to change one's mind: " + eraseAfter);
        assertEquals(401, api.post("/api/v1/auth/refresh", Api.json("refreshToken", linked.data().getString("refreshToken")),
                null).status(), "every session signed out");

        // Logging in cancels.
        Api.Reply back = api.post("/api/v1/auth/login", Api.json("phone", phone, "code", smsCode(phone, "login")), null);
        assertEquals(200, back.status(), back.raw());
        assertTrue(back.data().getBoolean("deletionCancelled"), back.raw());
        token = back.data().getString("token");
        assertFalse(api.get("/api/v1/privacy/deletion", token).data().getBoolean("pending"));
        care.runJob("retention", "{}");
        assertEquals(200, api.get("/api/v1/users/me", token).status(), "not erased: the request was cancelled");

        // Asked again, and this time the cooling-off ends (moved into the past here).
        requested = api.post("/api/v1/privacy/deletion", Api.json("code", smsCode(phone, "deletion")), token);
        assertEquals(200, requested.status(), requested.raw());
        try (Connection db = database();
                PreparedStatement due = db.prepareStatement("UPDATE users SET erase_after = ? WHERE id = ?")) {
            due.setTimestamp(1, Timestamp.from(Instant.now().minus(1, ChronoUnit.MINUTES)));
            due.setString(2, memberId);
            assertEquals(1, due.executeUpdate());
        }
        care.runJob("retention", "{}");
        assertNotEquals(200, api.get("/api/v1/users/me", token).status(), "the account is gone");

        List<String> traces = List.of(memberId, mother, phone, motherPhone, name, motherName, ownIdCard, motherIdCard,
                openid, "青霉素" + marker, "头晕" + marker);
        try (Connection db = database()) {
            Map<String, List<String>> found = scan(db, traces);
            List<String> auditHits = found.remove("audit_log");
            if (auditHits != null) {
                assertTrue(auditHits.stream().allMatch(hit -> hit.equals(memberId) || hit.equals(mother)),
                        "the audit log keeps ids, nothing else: " + auditHits);
            }
            assertEquals(Map.of(), found, "traces of the erased member");

            // The order, its payment and its history are kept, under ids that lead nowhere.
            try (PreparedStatement kept = db.prepareStatement("SELECT o.user_id, o.person_id, o.status, o.contact_info,"
                    + " p.status FROM orders o JOIN payments p ON p.order_id = o.id WHERE o.id = ?")) {
                kept.setString(1, order.id());
                try (ResultSet rs = kept.executeQuery()) {
                    assertTrue(rs.next(), "the paid order is kept for the accounts");
                    assertNotEquals(memberId, rs.getString(1));
                    assertNotEquals(mother, rs.getString(2));
                    assertEquals("completed", rs.getString(3));
                    assertEquals("paid", rs.getString(5));
                    try (PreparedStatement tombstone = db.prepareStatement("SELECT status, name, wechat_openid FROM users"
                            + " WHERE id = ?")) {
                        tombstone.setString(1, rs.getString(1));
                        try (ResultSet account = tombstone.executeQuery()) {
                            assertTrue(account.next());
                            assertEquals("erased", account.getString(1));
                            assertEquals(null, account.getString(2));
                            assertEquals(null, account.getString(3));
                        }
                    }
                }
            }
        }
        JsonObject service = api.get("/api/v1/services/" + order.serviceId(), null).data();
        assertEquals(1, service.getInt("ratingCount"), "the stars stay in the service's rating, the words are gone");
    }

    @Test
    void deletingAFamilyMemberErasesThemTheSameWay() throws SQLException {
        String marker = Long.toString(System.nanoTime() % 1_000_000);
        Api.Session member = api.login(Api.newPhone());
        String name = "外婆" + marker;
        String idCard = newIdCard();
        String phone = Api.newPhone();
        Api.Reply added = api.post("/api/v1/persons", Json.createObjectBuilder().add("name", name).add("relation", "grandparent")
                .add("idCard", idCard).add("phone", phone).build().toString(), member.token());
        assertEquals(200, added.status(), added.raw());
        String grandmother = added.data().getString("id");
        assertEquals(200, api.post("/api/v1/health/records?personId=" + grandmother, "{\"type\":\"blood_pressure\","
                + "\"value\":185,\"metadata\":{\"diastolic\":120}}", member.token()).status());
        assertEquals(200, api.put("/api/v1/health/profile?personId=" + grandmother, "{\"heightCm\":155}",
                member.token()).status());
        Order order = bookPayAndStart(member.token(), grandmother, name, phone, 11, Api.json("openid", "o-erase-family"));

        Api.Reply refused = api.send(api.request("/api/v1/persons/" + grandmother, member.token()).DELETE());
        assertEquals(409, refused.status(), refused.raw());
        assertEquals("PERSON_HAS_ORDERS_UNDER_WAY", refused.body().getString("errorCode"));
        assertEquals(200, api.post("/api/v1/staff/tasks/" + order.id() + "/complete", "",
                Tokens.staff(order.staffId())).status());
        api.await("/api/v1/messages/unread-count", member.token(), r -> r.data().getInt("count") >= 3, Duration.ofSeconds(15));

        Api.Reply removed = api.send(api.request("/api/v1/persons/" + grandmother, member.token()).DELETE());
        assertEquals(200, removed.status(), removed.raw());
        assertEquals(404, api.get("/api/v1/persons/" + grandmother, member.token()).status());

        try (Connection db = database()) {
            Map<String, List<String>> found = scan(db, List.of(grandmother, name, idCard, phone));
            List<String> auditHits = found.remove("audit_log");
            if (auditHits != null) {
                assertTrue(auditHits.stream().allMatch(grandmother::equals), "ids only: " + auditHits);
            }
            assertEquals(Map.of(), found, "traces of the deleted family member");
        }
        JsonObject kept = api.get("/api/v1/orders/" + order.id(), member.token()).data().getJsonObject("order");
        assertEquals("completed", kept.getString("status"), "the member's order stays theirs");
        assertNotEquals(grandmother, kept.getString("personId"));
        assertEquals(200, api.get("/api/v1/users/me", member.token()).status(), "the member's own account is untouched");
    }

    /**
     * Every table of the schema (from the database's own catalogue; the batch runtime's included), every
     * column, every row: which of the traces each table still holds. Fails on a table nobody placed.
     */
    private static Map<String, List<String>> scan(Connection db, List<String> traces) throws SQLException {
        DatabaseMetaData meta = db.getMetaData();
        Set<String> tables = new TreeSet<>();
        try (ResultSet rs = meta.getTables(db.getCatalog(), db.getSchema(), "%", null)) {
            while (rs.next()) {
                if (Set.of("TABLE", "BASE TABLE").contains(rs.getString("TABLE_TYPE"))) { // H2 2 says BASE TABLE
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
        }
        List<String> unknown = tables.stream().map(table -> table.toLowerCase(Locale.ROOT))
                .filter(table -> !TABLES.containsKey(table) && BATCH_RUNTIME.stream().noneMatch(table::startsWith)).toList();
        assertEquals(List.of(), unknown, "tables the erasure test does not know: add them to ErasureIT.TABLES, and to"
                + " their context's Erasure if they hold personal data");
        assertTrue(tables.size() >= TABLES.size(), "read the schema's tables: " + tables);
        Map<String, List<String>> found = new java.util.TreeMap<>();
        String quote = meta.getIdentifierQuoteString();
        for (String table : tables) {
            try (Statement all = db.createStatement();
                    ResultSet rows = all.executeQuery("SELECT * FROM " + quote + table + quote)) {
                int columns = rows.getMetaData().getColumnCount();
                while (rows.next()) {
                    for (int column = 1; column <= columns; column++) {
                        String value = rows.getString(column);
                        if (value == null) {
                            continue;
                        }
                        for (String trace : traces) {
                            if (value.contains(trace)) {
                                found.computeIfAbsent(table.toLowerCase(Locale.ROOT), t -> new ArrayList<>()).add(trace);
                            }
                        }
                    }
                }
            }
        }
        found.replaceAll((table, hits) -> hits.stream().distinct().collect(Collectors.toList()));
        return found;
    }
}
