package health.leiming.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The audit log is tamper-evident: entries are sealed into a keyed hash chain within seconds, and an
 * admin's verification names the first entry someone changed or removed in the database afterwards. Entries
 * past their period are purged from the start of the chain, which then starts after them.
 */
class AuditChainIT extends DeployedEar {

    private final Api api = new Api();
    private final Care care = new Care(api);

    private static Connection database() throws SQLException {
        return DriverManager.getConnection(System.getProperty("leiming.it.db-url"),
                System.getProperty("leiming.it.db-user"), System.getProperty("leiming.it.db-password", ""));
    }

    private JsonObject verifyWhenSealed() {
        Api.Reply reply = api.await("/api/v1/admin/audit-log/verify", care.adminToken(),
                r -> r.status() == 200 && r.data().getJsonNumber("unsealed").longValue() == 0, Duration.ofSeconds(30));
        assertEquals(200, reply.status(), reply.raw());
        return reply.data();
    }

    @Test
    void aChangedOrRemovedEntryIsFoundAndNamed() throws SQLException {
        Api.Session member = api.login(Api.newPhone());
        assertEquals(200, api.get("/api/v1/health/profile", member.token()).status());
        assertEquals(200, api.get("/api/v1/health/records", member.token()).status());
        // reads are written within a second, in batches (AuditQueue); then sealed
        api.await("/api/v1/admin/audit-log?actorId=" + member.memberId(), care.adminToken(),
                r -> r.status() == 200 && r.data().getJsonArray("items").size() >= 2, Duration.ofSeconds(10));
        JsonObject intact = verifyWhenSealed();
        assertTrue(intact.getBoolean("intact"), intact.toString());
        assertTrue(intact.getJsonNumber("checked").longValue() >= 2, intact.toString());
        assertEquals(403, api.get("/api/v1/admin/audit-log/verify", member.token()).status(), "admins only");

        String id;
        String outcome;
        try (Connection db = database();
             PreparedStatement find = db.prepareStatement("SELECT id, outcome FROM audit_log WHERE actor_id = ?"
                     + " AND chain_seq IS NOT NULL ORDER BY chain_seq")) {
            find.setString(1, member.memberId());
            try (ResultSet row = find.executeQuery()) {
                assertTrue(row.next());
                id = row.getString(1);
                outcome = row.getString(2);
            }
            // Someone with database access rewrites history: the read now looks refused.
            try (PreparedStatement change = db.prepareStatement("UPDATE audit_log SET outcome = 'denied' WHERE id = ?")) {
                change.setString(1, id);
                assertEquals(1, change.executeUpdate());
            }
        }
        try {
            JsonObject broken = api.get("/api/v1/admin/audit-log/verify", care.adminToken()).data();
            assertFalse(broken.getBoolean("intact"), broken.toString());
            assertEquals(id, broken.getString("brokenEntryId"), broken.toString());
        } finally {
            try (Connection db = database();
                 PreparedStatement restore = db.prepareStatement("UPDATE audit_log SET outcome = ? WHERE id = ?")) {
                restore.setString(1, outcome);
                restore.setString(2, id);
                restore.executeUpdate();
            }
        }
        assertTrue(api.get("/api/v1/admin/audit-log/verify", care.adminToken()).data().getBoolean("intact"),
                "restored, the chain holds again");

        // Someone removes the entry instead: the gap is named.
        try (Connection db = database()) {
            java.util.List<Object> values = new java.util.ArrayList<>();
            StringBuilder columns = new StringBuilder();
            try (PreparedStatement read = db.prepareStatement("SELECT * FROM audit_log WHERE id = ?")) {
                read.setString(1, id);
                try (ResultSet row = read.executeQuery()) {
                    assertTrue(row.next());
                    for (int c = 1; c <= row.getMetaData().getColumnCount(); c++) {
                        columns.append(c == 1 ? "" : ", ").append(row.getMetaData().getColumnName(c));
                        values.add(row.getObject(c));
                    }
                }
            }
            try (PreparedStatement remove = db.prepareStatement("DELETE FROM audit_log WHERE id = ?")) {
                remove.setString(1, id);
                assertEquals(1, remove.executeUpdate());
            }
            try {
                JsonObject gap = api.get("/api/v1/admin/audit-log/verify", care.adminToken()).data();
                assertFalse(gap.getBoolean("intact"), gap.toString());
                assertTrue(gap.getString("problem").contains("missing"), gap.toString());
            } finally {
                String marks = String.join(", ", java.util.Collections.nCopies(values.size(), "?"));
                try (PreparedStatement put = db.prepareStatement("INSERT INTO audit_log (" + columns + ") VALUES ("
                        + marks + ")")) {
                    for (int i = 0; i < values.size(); i++) {
                        put.setObject(i + 1, values.get(i));
                    }
                    put.executeUpdate();
                }
            }
        }
        JsonObject restored = api.get("/api/v1/admin/audit-log/verify", care.adminToken()).data();
        assertTrue(restored.getBoolean("intact"), restored.toString());
    }

    private static long firstSeq(Connection db) throws SQLException {
        try (PreparedStatement read = db.prepareStatement("SELECT first_seq FROM audit_chain");
             ResultSet row = read.executeQuery()) {
            assertTrue(row.next());
            return row.getLong(1);
        }
    }

    private static int update(Connection db, String sql, Object... values) throws SQLException {
        try (PreparedStatement update = db.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                update.setObject(i + 1, values[i]);
            }
            return update.executeUpdate();
        }
    }

    @Test
    void entriesPastTheirPeriodArePurgedFromTheStartOfTheChainWhichStillHolds() throws SQLException {
        Api.Session member = api.login(Api.newPhone());
        assertEquals(200, api.get("/api/v1/health/records", member.token()).status());
        assertTrue(verifyWhenSealed().getBoolean("intact"));

        long first;
        try (Connection db = database()) {
            first = firstSeq(db);
            // The three oldest entries as if written four years ago (their hashes no longer match: they go).
            assertEquals(3, update(db, "UPDATE audit_log SET occurred_at = ? WHERE chain_seq >= ? AND chain_seq <= ?",
                    java.sql.Timestamp.from(java.time.Instant.now().minus(Duration.ofDays(4 * 365))), first, first + 2));
        }
        String status = care.runJob("retention", "{}").getString("exitStatus");
        assertTrue(status.contains("audit-log=3"), status);
        try (Connection db = database()) {
            assertEquals(first + 3, firstSeq(db), "the chain starts after them");
            try (PreparedStatement gone = db.prepareStatement("SELECT COUNT(*) FROM audit_log WHERE chain_seq < ?")) {
                gone.setLong(1, first + 3);
                try (ResultSet row = gone.executeQuery()) {
                    assertTrue(row.next());
                    assertEquals(0, row.getInt(1));
                }
            }
        }
        JsonObject after = verifyWhenSealed();
        assertTrue(after.getBoolean("intact"), after.toString());
        try (Connection db = database();
             PreparedStatement purge = db.prepareStatement("SELECT COUNT(*) FROM audit_log WHERE actor_id = 'system'"
                     + " AND action = 'audit.purge' AND resource_id = ?")) {
            purge.setString(1, first + "-" + (first + 2));
            try (ResultSet row = purge.executeQuery()) {
                assertTrue(row.next());
                assertEquals(1, row.getInt(1), "the purge is itself in the log");
            }
        }
        String again = care.runJob("retention", "{}").getString("exitStatus");
        assertTrue(again.contains("audit-log=0"), "a second run deletes nothing more: " + again);

        // Moving the start by hand (to hide a deleted entry) is found: only the server's key moves it.
        try (Connection db = database()) {
            assertEquals(1, update(db, "UPDATE audit_chain SET first_seq = first_seq + 1"));
        }
        try {
            JsonObject moved = api.get("/api/v1/admin/audit-log/verify", care.adminToken()).data();
            assertFalse(moved.getBoolean("intact"), moved.toString());
            assertTrue(moved.getString("problem").contains("start was moved"), moved.toString());
        } finally {
            try (Connection db = database()) {
                update(db, "UPDATE audit_chain SET first_seq = first_seq - 1");
            }
        }
        assertTrue(api.get("/api/v1/admin/audit-log/verify", care.adminToken()).data().getBoolean("intact"));
    }
}
