package health.leiming.content;

import health.leiming.platform.JsonHttp;
import health.leiming.platform.Logs;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * Interprets with a language model behind an OpenAI-compatible chat-completions endpoint (a hospital
 * can point it at its own on-premises model). Only the findings' values go out, never who they belong
 * to. A timeout, a circuit breaker and a fallback to the rules: the member always gets an answer, and
 * the answer says which interpreter gave it.
 */
@ApplicationScoped
public class ModelInterpreter {

    private static final Logger LOG = Logs.get(ModelInterpreter.class);
    static final String SYSTEM_PROMPT = "你是一名严谨的健康管理助手。根据用户提供的健康指标（不含任何身份信息），"
            + "用通俗易懂的中文解释这些指标的含义和需要注意的地方，不做诊断，不开药。只输出一个JSON对象："
            + "{\"interpretation\": \"解读文字\", \"suggestions\": [\"建议1\", \"建议2\"], \"confidence\": 0到1之间的数字}";

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

    @Inject
    RuleInterpreter rules;

    private HttpClient client;

    @PostConstruct
    void init() {
        client = JsonHttp.client();
    }

    public boolean configured() {
        return baseUrl.filter(u -> !u.isBlank()).isPresent();
    }

    @Timeout(value = 25, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 30, delayUnit = ChronoUnit.SECONDS)
    @Fallback(fallbackMethod = "byRules")
    public Interpretation interpret(Findings findings) {
        String body = Json.createObjectBuilder().add("model", model).add("temperature", 0.2)
                .add("messages", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("role", "system").add("content", SYSTEM_PROMPT))
                        .add(Json.createObjectBuilder().add("role", "user").add("content", prompt(findings))))
                .build().toString();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl.orElseThrow().replaceAll("/+$", "")
                + "/chat/completions")).header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        apiKey.filter(k -> !k.isBlank()).ifPresent(k -> request.header("Authorization", "Bearer " + k));
        JsonObject reply = JsonHttp.send(client, request, "the model", readTimeout);
        String content = reply.getJsonArray("choices").getJsonObject(0).getJsonObject("message").getString("content");
        return parse(content, findings);
    }

    /** The fallback: the rules' answer, saying that the model could not be asked. */
    Interpretation byRules(Findings findings) {
        LOG.info("Model unavailable; interpreting by the rules");
        Interpretation fallback = rules.interpret(findings);
        return new Interpretation(fallback.text(), fallback.confidence(), fallback.suggestions(),
                RuleInterpreter.NAME + " (fallback: model unavailable)");
    }

    /** The findings as the model sees them: values, units, ranges, statuses. Nothing about the person. */
    static String prompt(Findings findings) {
        StringBuilder p = new StringBuilder("类型：").append(findings.kind()).append('\n');
        if (findings.context() != null) {
            p.append("背景：").append(findings.context()).append('\n');
        }
        for (Findings.Finding f : findings.items()) {
            p.append("- ").append(f.name()).append("：")
                    .append(f.value() == null ? "" : f.value().stripTrailingZeros().toPlainString())
                    .append(f.unit() == null ? "" : " " + f.unit())
                    .append(f.reference() == null ? "" : "，参考范围 " + f.reference())
                    .append("，判断：").append(f.detail()).append('\n');
        }
        return p.toString();
    }

    private Interpretation parse(String content, Findings findings) {
        String json = content.strip();
        int start = json.indexOf('{');
        int end = json.lastIndexOf('}');
        try {
            JsonObject answer = Json.createReader(new StringReader(json.substring(start, end + 1))).readObject();
            List<String> suggestions = answer.containsKey("suggestions")
                    ? answer.getJsonArray("suggestions").stream().filter(v -> v.getValueType() == JsonValue.ValueType.STRING)
                            .map(v -> ((JsonString) v).getString()).toList()
                    : rules.interpret(findings).suggestions();
            BigDecimal confidence = answer.containsKey("confidence")
                    ? answer.getJsonNumber("confidence").bigDecimalValue().max(BigDecimal.ZERO).min(BigDecimal.ONE)
                    : new BigDecimal("0.6");
            return new Interpretation(answer.getString("interpretation"), confidence.setScale(4, RoundingMode.HALF_UP),
                    suggestions, "model:" + model);
        } catch (RuntimeException e) {
            // Not the JSON asked for: the text as it is, the rules' suggestions, a modest confidence.
            return new Interpretation(content.strip(), new BigDecimal("0.6000"), rules.interpret(findings).suggestions(),
                    "model:" + model);
        }
    }
}
