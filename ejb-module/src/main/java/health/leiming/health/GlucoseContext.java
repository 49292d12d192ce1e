package health.leiming.health;

import health.leiming.platform.BusinessException;
import health.leiming.platform.ErrorKind;
import java.util.Locale;

/** When a blood glucose reading was taken; the thresholds depend on it. */
public enum GlucoseContext {
    fasting("空腹"),
    after_meal_2h("餐后2小时"),
    random("随机"),
    bedtime("睡前");

    private final String label;

    GlucoseContext(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static GlucoseContext parse(String value) {
        if (value == null || value.isBlank()) {
            return random;
        }
        try {
            return valueOf(value.trim().toLowerCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new BusinessException(ErrorKind.BAD_REQUEST, "GLUCOSE_CONTEXT_INVALID",
                    "血糖测量时段只能是 fasting、after_meal_2h、random 或 bedtime");
        }
    }
}
