package health.leiming.integration;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * A language model behind an OpenAI-compatible chat-completions endpoint (a hospital can point it
 * at its own on-premises model). A timeout and a circuit breaker; what to do without an answer is
 * the caller's decision.
 */
@ApplicationScoped
public class ChatModel {

    @Inject
    @ConfigProperty(name = "leiming.ai.model.base-url")
    Optional<String> baseUrl;

    @Inject
    @ConfigProperty(name = "leiming.ai.model.name", defaultValue = "qwen2.5-7b-instruct")
    String model;

    @Inject
    @ConfigProperty(name = "leiming.ai.model.api-key")
    Optional<String> apiKey;

    @Inject
    @ConfigProperty(name = "leiming.ai.model.read-timeout", defaultValue = "PT20S")
    Duration readTimeout;

    private HttpClient client;

    @PostConstruct
    void init() {
        client = JsonHttp.client();
    }

    public boolean configured() {
        return baseUrl.filter(u -> !u.isBlank()).isPresent();
    }

    /** The configured model's name, to say which interpreter answered. */
    public String name() {
        return model;
    }

    /** The model's answer (the first choice's message content) to a system and a user message. */
    @Timeout(value = 25, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 30, delayUnit = ChronoUnit.SECONDS)
    public String complete(String system, String user) {
        String body = Json.createObjectBuilder().add("model", model).add("temperature", 0.2)
                .add("messages", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("role", "system").add("content", system))
                        .add(Json.createObjectBuilder().add("role", "user").add("content", user)))
                .build().toString();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl.orElseThrow().replaceAll("/+$", "")
                + "/chat/completions")).header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        apiKey.filter(k -> !k.isBlank()).ifPresent(k -> request.header("Authorization", "Bearer " + k));
        JsonObject reply = JsonHttp.send(client, request, "the model", readTimeout);
        return reply.getJsonArray("choices").getJsonObject(0).getJsonObject("message").getString("content");
    }
}
