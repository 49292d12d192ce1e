package health.leiming.content;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Interprets from the guideline classification and the reference ranges alone: always available,
 * deterministic. Its confidence grows with how much of the data it could judge (items with a range
 * or a classification) and how much data there is.
 */
@ApplicationScoped
public class RuleInterpreter {

    public static final String NAME = "rules";

    public Interpretation interpret(Findings findings) {
        List<Findings.Finding> items = findings.items();
        List<Findings.Finding> out = items.stream().filter(Findings.Finding::outOfRange).toList();
        StringBuilder text = new StringBuilder();
        if (findings.context() != null) {
            text.append(findings.context()).append('。');
        }
        text.append("本次共解读").append(items.size()).append("项");
        if (out.isEmpty()) {
            text.append("，均在参考范围或正常水平内。");
        } else {
            text.append("，其中").append(out.size()).append("项需要关注：");
            List<String> parts = new ArrayList<>();
            for (Findings.Finding f : out) {
                parts.add(f.name() + (f.value() == null ? "" : " " + f.value().stripTrailingZeros().toPlainString()
                        + (f.unit() == null ? "" : f.unit())) + "（" + f.detail() + "）");
            }
            text.append(String.join("；", parts)).append('。');
        }
        long unknown = items.size() - findings.judged();
        if (unknown > 0) {
            text.append("另有").append(unknown).append("项缺少参考范围，未作判断。");
        }
        Set<String> suggestions = new LinkedHashSet<>();
        for (Findings.Finding f : out) {
            suggestions.add(switch (f.status()) {
                case "high" -> f.name() + "偏高，建议近期复查，并咨询医生是否需要进一步检查";
                case "low" -> f.name() + "偏低，建议近期复查，并咨询医生";
                default -> f.name() + "：" + f.detail() + "，建议按医嘱规律监测";
            });
        }
        if (out.isEmpty()) {
            suggestions.add("保持均衡饮食、规律作息和适量运动，按时复查");
        }
        return new Interpretation(text.toString(), confidence(findings), List.copyOf(suggestions), NAME);
    }

    /** 0.5 for data it could not judge at all, up to 0.95 when every item was judged and there is enough of it. */
    static BigDecimal confidence(Findings findings) {
        if (findings.items().isEmpty()) {
            return new BigDecimal("0.5000");
        }
        double judged = (double) findings.judged() / findings.items().size();
        double amount = Math.min(1.0, findings.items().size() / 5.0);
        double c = 0.5 + 0.45 * judged * (0.6 + 0.4 * amount);
        return BigDecimal.valueOf(c).setScale(4, RoundingMode.HALF_UP);
    }
}
