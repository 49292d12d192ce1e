package health.leiming.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reads and refusals are audited through a bounded queue written in batches (AuditQueue): every entry
 * arrives within seconds, also when a burst is larger than the queue (the test server's holds 50) and
 * when more refusals arrive at once than the database pool has connections (20).
 */
class AuditQueueIT extends DeployedEar {

    private final Api api = new Api();

    @Test
    void fiftyConcurrentRefusedReadsAreAllRefusedAndAllAudited() {
        Api.Session owner = api.login(Api.newPhone());
        Api.Session attacker = api.login(Api.newPhone());
        String reading = "{\"type\":\"weight\",\"value\":70,\"unit\":\"kg\",\"recordedAt\":\""
                + Instant.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS) + "\"}";
        Api.Reply created = api.post("/api/v1/health/records", reading, owner.token());
        assertEquals(200, created.status(), created.raw());
        String record = created.data().getString("id");

        List<Api.Reply> replies = Crowd.atOnce(50, (client, i) -> client.get("/api/v1/health/records/" + record,
                attacker.token()));
        assertEquals(50, Crowd.count(replies, 404), "each one refused as not found, none a server error");

        assertEquals(50, entries(attacker.memberId(), "health.record.read", "denied", 50), "each refusal audited");
    }

    @Test
    void aBurstLargerThanTheQueueLosesNoEntry() {
        Api.Session member = api.login(Api.newPhone());
        List<Api.Reply> replies = Crowd.atOnce(Crowd.SIZE, (client, i) -> client.get("/api/v1/health/records",
                member.token()));
        assertEquals(Crowd.SIZE, Crowd.count(replies, 200));

        assertEquals(Crowd.SIZE, entries(member.memberId(), "health.record.list", "success", Crowd.SIZE),
                "every read of the burst audited, none dropped while the queue was full");
    }

    /** Waits until the actor has `expected` entries of the action and outcome (or 20 s), and counts them. */
    private long entries(String actorId, String action, String outcome, int expected) {
        String admin = new Care(api).adminToken();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        long count;
        do {
            JsonObject page = api.get("/api/v1/admin/audit-log?actorId=" + actorId + "&size=200", admin).data();
            count = page.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                    .filter(e -> e.getString("action").equals(action) && e.getString("outcome").equals(outcome))
                    .count();
            if (count >= expected) {
                return count;
            }
            FakeSmsGateway.sleep(500);
        } while (System.nanoTime() < deadline);
        return count;
    }
}
