package health.leiming.it;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local SMS gateway over real HTTP: the server under test is configured to POST its messages here,
 * and the tests read the codes it received, the way a member reads their phone.
 */
final class FakeSmsGateway {

    private static FakeSmsGateway instance;

    private final Map<String, List<String>> codesByPhone = new ConcurrentHashMap<>();
    private final Map<String, List<String>> noticesByPhone = new ConcurrentHashMap<>();
    private volatile boolean failing;

    private FakeSmsGateway(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/sms/send", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                if (failing) {
                    exchange.sendResponseHeaders(500, -1);
                    return;
                }
                JsonObject message = Json.createReader(new java.io.StringReader(
                        new String(body.readAllBytes(), StandardCharsets.UTF_8))).readObject();
                if (message.getJsonObject("params").containsKey("code")) { // login and contact codes
                    codesByPhone.computeIfAbsent(message.getString("phone"), p -> new CopyOnWriteArrayList<>())
                            .add(message.getJsonObject("params").getString("code"));
                } else {
                    noticesByPhone.computeIfAbsent(message.getString("phone"), p -> new CopyOnWriteArrayList<>())
                            .add(message.getJsonObject("params").getString("content"));
                }
                byte[] ok = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, ok.length);
                exchange.getResponseBody().write(ok);
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    static synchronized FakeSmsGateway get() {
        if (instance == null) {
            try {
                instance = new FakeSmsGateway(Integer.getInteger("leiming.it.sms-port", 18089));
            } catch (IOException e) {
                throw new IllegalStateException("Cannot start the fake SMS gateway", e);
            }
        }
        return instance;
    }

    /** The newest code sent to the phone, waiting briefly for it to arrive. */
    String latestCode(String phone) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            List<String> codes = codesByPhone.get(phone);
            if (codes != null && !codes.isEmpty()) {
                return codes.get(codes.size() - 1);
            }
            sleep(50);
        }
        throw new AssertionError("No SMS reached the gateway for " + phone);
    }

    /** The notification texts (not codes) sent to the phone so far. */
    List<String> notices(String phone) {
        return List.copyOf(noticesByPhone.getOrDefault(phone, List.of()));
    }

    int count(String phone) {
        List<String> codes = codesByPhone.get(phone);
        return codes == null ? 0 : codes.size();
    }

    void failing(boolean fail) {
        this.failing = fail;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
