package health.leiming.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * With the broker stopped, members still log in; the welcome message waits in the outbox and arrives,
 * once, after the broker is back.
 */
class BrokerOutageIT extends DeployedEar {

    private final Api api = new Api();

    @Test
    void loginSucceedsWhileTheBrokerIsDownAndTheWelcomeArrivesOnceAfterwards() throws Exception {
        broker("stop");
        Api.Session member;
        try {
            Api.Reply ready = api.await(Api.OPS + "/health/ready", null, r -> r.status() == 503, Duration.ofSeconds(30));
            assertEquals(503, ready.status(), "readiness reports the broker down: " + ready.raw());
            assertTrue(ready.raw().contains("unreachable") && !ready.raw().contains("Exception"),
                    "and says no more than that to whoever asks: " + ready.raw());

            member = api.login(Api.newPhone());
            FakeSmsGateway.sleep(3000);
            assertEquals(0, api.get("/api/v1/messages", member.token()).data().getInt("total"),
                    "nothing can be delivered while the broker is down");
        } finally {
            broker("start");
        }

        Api.Reply delivered = api.await("/api/v1/messages", member.token(),
                r -> r.status() == 200 && !r.data().getJsonArray("items").isEmpty(), Duration.ofSeconds(90));
        assertEquals(1, delivered.data().getInt("total"), delivered.raw());
        FakeSmsGateway.sleep(5000);
        assertEquals(1, api.get("/api/v1/messages", member.token()).data().getInt("total"), "delivered exactly once");
        assertEquals(200, api.await(Api.OPS + "/health/ready", null, r -> r.status() == 200, Duration.ofSeconds(30)).status());
    }

    private static void broker(String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of("bash", System.getProperty("leiming.it.broker-script"), command,
                System.getProperty("leiming.it.artemis-home"), System.getProperty("leiming.it.artemis-instance")))
                .inheritIO().start();
        assertTrue(process.waitFor() == 0, "broker " + command + " failed");
    }
}
