package health.leiming.content;

import java.math.BigDecimal;
import java.util.List;

/** An interpreter's answer: plain Chinese, a confidence (0-1), suggestions, and who answered. */
public record Interpretation(String text, BigDecimal confidence, List<String> suggestions, String interpreter) {

    public static final String DISCLAIMER = "以上解读由系统自动生成，仅供健康管理参考，不能替代医生的诊断和治疗。"
            + "如有不适或指标明显异常，请及时就医。";
}
