package health.leiming.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An OpenAI-compatible chat-completions endpoint over real HTTP, as an on-premises model would
 * serve it: answers with a JSON interpretation, or slowly, or with errors, as the test asks. Keeps
 * the requests so that tests can check what left the server.
 */
final class FakeModel {

    enum Mode { ANSWER, SLOW, FAILING }

    private static FakeModel instance;

    final List<JsonObject> requests = new CopyOnWriteArrayList<>();
    private volatile Mode mode = Mode.ANSWER;

    private FakeModel(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/v1/chat/completions", exchange -> {
            try (var in = exchange.getRequestBody()) {
                requests.add(Json.createReader(new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8)))
                        .readObject());
            }
            switch (mode) {
                case FAILING -> {
                    exchange.sendResponseHeaders(503, -1);
                    exchange.close();
                    return;
                }
                case SLOW -> FakeSmsGateway.sleep(6000);
                default -> { }
            }
            String content = Json.createObjectBuilder().add("interpretation", "模型解读：空腹血糖略高于参考范围，属于需要关注的情况。")
                    .add("suggestions", Json.createArrayBuilder().add("控制主食和甜食").add("一到两周后复查空腹血糖"))
                    .add("confidence", 0.82).build().toString();
            FakeHttp.sendJson(exchange, Json.createObjectBuilder().add("id", "chatcmpl-1").add("object", "chat.completion")
                    .add("choices", Json.createArrayBuilder().add(Json.createObjectBuilder().add("index", 0)
                            .add("message", Json.createObjectBuilder().add("role", "assistant").add("content", content))
                            .add("finish_reason", "stop"))).build().toString());
        });
        server.start();
    }

    static synchronized FakeModel get() {
        if (instance == null) {
            try {
                instance = new FakeModel(Integer.getInteger("leiming.it.model-port", 18093));
            } catch (IOException e) {
                throw new IllegalStateException("Cannot start the fake model", e);
            }
        }
        return instance;
    }

    void mode(Mode mode) {
        this.mode = mode;
    }

    /**
     * Asks for an interpretation with the model answering, until the model's answer comes (its circuit may
     * still be open from a test of its outage: the server answers by rules meanwhile).
     */
    JsonObject interpretation(Api api, Api.Session member, String request) {
        mode(Mode.ANSWER);
        Instant deadline = Instant.now().plusSeconds(10);
        JsonObject answer;
        do {
            Api.Reply reply = api.post("/api/v1/ai/interpretations", request, member.token());
            assertEquals(200, reply.status(), reply.raw());
            answer = reply.data();
            if (answer.getString("interpreter").startsWith("model:")) {
                return answer;
            }
            FakeSmsGateway.sleep(500);
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("the model never answered: " + answer);
    }
}
