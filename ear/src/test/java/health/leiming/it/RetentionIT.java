package health.leiming.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The nightly retention job: what is past its period is gone, what is not (or still needed: an
 * unpublished event, a pending delivery, an unread message) stays, and a second run changes nothing.
 */
class RetentionIT extends DeployedEar {

    private static final Instant OLD = Instant.now().minus(400, ChronoUnit.DAYS);
    private static final Instant RECENT = Instant.now().minus(1, ChronoUnit.HOURS);

    private final Api api = new Api();
    private final Care care = new Care(api);
    private final List<String> gone = new ArrayList<>();
    private final List<String> kept = new ArrayList<>();

    private static Connection database() throws SQLException {
        return DriverManager.getConnection(System.getProperty("leiming.it.db-url"),
                System.getProperty("leiming.it.db-user"), System.getProperty("leiming.it.db-password", ""));
    }

    /** Inserts a row (id first, then the other values) and notes where it should end up. */
    private void row(Connection db, boolean purged, String table, String columns, Object... values) throws SQLException {
        String id = UUID.randomUUID().toString();
        String marks = "?" + ", ?".repeat(values.length);
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO " + table + " (id, " + columns + ") VALUES ("
                + marks + ")")) {
            insert.setString(1, id);
            for (int i = 0; i < values.length; i++) {
                insert.setObject(i + 2, values[i] instanceof Instant at ? Timestamp.from(at) : values[i]);
            }
            insert.executeUpdate();
        }
        (purged ? gone : kept).add(table + ":" + id);
    }

    private static boolean exists(Connection db, String tableAndId) throws SQLException {
        String[] parts = tableAndId.split(":");
        try (PreparedStatement find = db.prepareStatement("SELECT 1 FROM " + parts[0] + " WHERE id = ?")) {
            find.setString(1, parts[1]);
            try (ResultSet rs = find.executeQuery()) {
                return rs.next();
            }
        }
    }

    private void runRetention() {
        String exitStatus = care.runJob("retention", "{}").getString("exitStatus");
        assertTrue(exitStatus.startsWith("purged {"), exitStatus);
    }

    @Test
    void whatHasServedItsPurposeIsDeletedAndTheRestKept() throws SQLException {
        Api.Session member = api.login(Api.newPhone());
        String serviceId = care.service("陪诊" + System.nanoTime(), "99.00", 60).getString("id");
        care.staff("甲", serviceId);
        String orderId = api.post("/api/v1/appointments", Care.booking(serviceId, Care.slot(14), null), member.token())
                .data().getString("orderId");
        String phoneHash = "retention-" + member.phone(); // any text: what matters is the row's age
        try (Connection db = database()) {
            String codes = "phone_hash, scene, code_hash, status, attempts, expires_at, created_at";
            row(db, true, "sms_codes", codes, phoneHash, "login", "x", "used", 0, OLD, OLD);
            row(db, false, "sms_codes", codes, phoneHash, "login", "x", "used", 0, RECENT, RECENT);
            String tokens = "member_id, family_id, token_hash, status, expires_at, created_at, family_expires_at";
            row(db, true, "refresh_tokens", tokens, member.memberId(), "f-old", UUID.randomUUID().toString(), "used", OLD,
                    OLD, OLD);
            row(db, false, "refresh_tokens", tokens, member.memberId(), "f-new", UUID.randomUUID().toString(), "used",
                    RECENT, RECENT, Instant.now().plus(1, ChronoUnit.DAYS));
            String outbox = "event_type, aggregate_id, payload, created_at, published_at, version";
            row(db, true, "outbox_events", outbox, "test.old", member.memberId(), "{}", OLD, OLD, 1);
            row(db, false, "outbox_events", outbox, "test.new", member.memberId(), "{}", RECENT, RECENT, 1);
            row(db, false, "outbox_events", outbox, "test.unpublished", member.memberId(), "{}", OLD, null, 1);
            String inbox = "dedupe_key, msg_type, payload, received_at";
            row(db, true, "wecom_inbox", inbox, "retention-old-" + UUID.randomUUID(), "event", "<xml/>", OLD);
            row(db, false, "wecom_inbox", inbox, "retention-new-" + UUID.randomUUID(), "event", "<xml/>", RECENT);
            String deliveries = "event_id, event_type, channel, recipient, address, title, content, status, attempts,"
                    + " next_attempt_at, created_at, version";
            row(db, true, "notification_deliveries", deliveries, UUID.randomUUID().toString(), "t", "sms", "member:x", "cipher", "标题", "内容", "sent",
                    1, OLD, OLD, 0);
            row(db, true, "notification_deliveries", deliveries, UUID.randomUUID().toString(), "t", "sms", "member:x", "cipher", "标题", "内容", "dead",
                    5, OLD, OLD, 0);
            row(db, false, "notification_deliveries", deliveries, UUID.randomUUID().toString(), "t", "sms", "member:x", "cipher", "标题", "内容",
                    "pending", 0, Instant.now().plus(1, ChronoUnit.DAYS), OLD, 0);
            row(db, false, "notification_deliveries", deliveries, UUID.randomUUID().toString(), "t", "sms", "member:x", "cipher", "标题", "内容", "sent",
                    1, RECENT, RECENT, 0);
            String messages = "member_id, category, title, content, read_at, created_at";
            row(db, true, "messages", messages, member.memberId(), "system", "旧", "已读", OLD, OLD);
            row(db, false, "messages", messages, member.memberId(), "system", "旧", "未读", null, OLD);
            row(db, false, "messages", messages, member.memberId(), "system", "新", "已读", RECENT, RECENT);
            // delivered: the unread-chat notifier leaves them alone
            String chat = "order_id, sender_role, sender_id, content, created_at, notify_after, delivered_at";
            row(db, true, "chat_messages", chat, orderId, "member", member.memberId(), "一年多以前", OLD, OLD, OLD);
            row(db, false, "chat_messages", chat, orderId, "member", member.memberId(), "刚才", RECENT, RECENT, RECENT);
        }

        try {
            purgesWhatIsPastItsPeriod();
        } finally {
            // These rows are test data in the shape of real rows, not real ones (a delivery's address is not
            // encrypted, for one): none may reach other tests (the key rotation reads every address).
            try (Connection db = database()) {
                for (String row : java.util.stream.Stream.concat(gone.stream(), kept.stream()).toList()) {
                    String[] parts = row.split(":");
                    try (PreparedStatement delete = db.prepareStatement("DELETE FROM " + parts[0] + " WHERE id = ?")) {
                        delete.setString(1, parts[1]);
                        delete.executeUpdate();
                    }
                }
            }
        }
        assertEquals(200, api.get("/api/v1/users/me", member.token()).status(), "the member is untouched");
    }

    private void purgesWhatIsPastItsPeriod() throws SQLException {
        runRetention();
        try (Connection db = database()) {
            for (String row : gone) {
                assertTrue(!exists(db, row), row + " is past its period");
            }
            for (String row : kept) {
                assertTrue(exists(db, row), row + " is not");
            }
        }
        runRetention();
        try (Connection db = database()) {
            for (String row : kept) {
                assertTrue(exists(db, row), row + " survives a second run");
            }
        }
    }
}
