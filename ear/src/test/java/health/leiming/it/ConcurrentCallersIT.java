package health.leiming.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Resources are application-scoped (one instance serves every request), so the caller must come from
 * each request's own security context: many members at once each see only their own profile,
 * records and trend, never a neighbour's.
 */
class ConcurrentCallersIT extends DeployedEar {

    private record Member(Api api, Api.Session session, int systolic) {
    }

    @Test
    void membersAskingAtTheSameTimeEachSeeTheirOwnData() throws Exception {
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Api api = new Api();
            Api.Session session = api.login(Api.newPhone());
            int systolic = 121 + i; // each member's own value, to tell their answers apart
            String reading = Json.createObjectBuilder().add("type", "blood_pressure").add("value", systolic)
                    .add("metadata", Json.createObjectBuilder().add("diastolic", 75)).build().toString();
            assertEquals(200, api.post("/api/v1/health/records", reading, session.token()).status());
            members.add(new Member(api, session, systolic));
        }

        ExecutorService pool = Executors.newFixedThreadPool(24);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int round = 0; round < 10; round++) {
                for (Member m : members) {
                    answers.add(pool.submit(check(() -> {
                        JsonObject me = m.api().get("/api/v1/users/me", m.session().token()).data();
                        return m.session().memberId().equals(me.getString("id"));
                    }, "profile")));
                    answers.add(pool.submit(check(() -> {
                        JsonObject page = m.api().get("/api/v1/health/records", m.session().token()).data();
                        return page.getInt("total") == 1
                                && page.getJsonArray("items").getJsonObject(0).getInt("value") == m.systolic()
                                && page.getJsonArray("items").getJsonObject(0).getString("personId")
                                        .equals(m.session().memberId());
                    }, "records")));
                    answers.add(pool.submit(check(() -> {
                        JsonObject trend = m.api().get("/api/v1/health/trends?type=blood_pressure&period=7d",
                                m.session().token()).data();
                        return trend.getJsonObject("statistics").getInt("max") == m.systolic()
                                && trend.getJsonObject("statistics").getInt("count") == 1;
                    }, "trend")));
                }
            }
            List<String> wrong = new ArrayList<>();
            for (Future<String> answer : answers) {
                String failure = answer.get();
                if (failure != null) {
                    wrong.add(failure);
                }
            }
            assertTrue(wrong.isEmpty(), "answers that were not the caller's own: " + wrong);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Callable<String> check(Callable<Boolean> own, String what) {
        return () -> {
            try {
                return own.call() ? null : what;
            } catch (RuntimeException | AssertionError e) {
                return what + ": " + e;
            }
        };
    }
}
