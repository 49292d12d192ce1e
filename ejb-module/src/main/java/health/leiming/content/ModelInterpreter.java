package health.leiming.content;

import health.leiming.integration.ChatModel;
import health.leiming.platform.Logs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.faulttolerance.Fallback;

/**
 * Interprets with a language model (integration.ChatModel, with its timeout and circuit breaker).
 * Only the findings' values go out, never who they belong to. A fallback to the rules: the member
 * always gets an answer, and the answer says which interpreter gave it.
 */
@ApplicationScoped
public class ModelInterpreter {

    private static final Logger LOG = Logs.get(ModelInterpreter.class);
    static final String SYSTEM_PROMPT = "你是一名严谨的健康管理助手。根据用户提供的健康指标（不含任何身份信息），"
            + "用通俗易懂的中文解释这些指标的含义和需要注意的地方，不做诊断，不开药。只输出一个JSON对象："
            + "{\"interpretation\": \"解读文字\", \"suggestions\": [\"建议1\", \"建议2\"], \"confidence\": 0到1之间的数字}";

    @Inject
    ChatModel model;

    @Inject
    RuleInterpreter rules;

    public boolean configured() {
        return model.configured();
    }

    /** The model's reading of the findings; the rules' when the model cannot be asked (timeout, open circuit). */
    @Fallback(fallbackMethod = "byRules")
    public Interpretation interpret(Findings findings) {
        return parse(model.complete(SYSTEM_PROMPT, prompt(findings)), findings);
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
                    suggestions, "model:" + model.name());
        } catch (RuntimeException e) {
            // Not the JSON asked for: the text as it is, the rules' suggestions, a modest confidence.
            return new Interpretation(content.strip(), new BigDecimal("0.6000"), rules.interpret(findings).suggestions(),
                    "model:" + model.name());
        }
    }
}
