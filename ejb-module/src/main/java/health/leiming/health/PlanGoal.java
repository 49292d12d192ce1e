package health.leiming.health;

import health.leiming.platform.BusinessException;
import health.leiming.platform.ErrorKind;
import java.math.BigDecimal;
import java.util.List;

/**
 * What a health plan asks for on each day, and whether a day's readings meet it:
 * <ul>
 * <li>{@code measure}: at least {@code target} readings of the type (measure blood pressure twice a day);</li>
 * <li>{@code keep_below}: every reading of the type below {@code target}, with at least one (fasting glucose under 7.0);</li>
 * <li>{@code reach}: a reading of the type at or above {@code target} (walk 6,000 steps).</li>
 * </ul>
 */
public record PlanGoal(Kind kind, MeasurementType type, BigDecimal target, GlucoseContext context) {

    public enum Kind {
        measure, keep_below, reach
    }

    public PlanGoal {
        if (kind == null || type == null || target == null || target.signum() <= 0) {
            throw new BusinessException(ErrorKind.BAD_REQUEST, "PLAN_INVALID", "请完整填写计划目标（类型、数据和目标值）");
        }
        if (kind == Kind.measure && (target.stripTrailingZeros().scale() > 0 || target.intValue() > 12)) {
            throw new BusinessException(ErrorKind.BAD_REQUEST, "PLAN_INVALID", "每天测量次数应为1-12次");
        }
        if (type != MeasurementType.blood_glucose) {
            context = null;
        }
    }

    /** Whether one day's readings (of this goal's type) meet the goal. */
    public boolean metBy(List<Measurement> day) {
        List<Measurement> relevant = day.stream().filter(m -> m.type() == type)
                .filter(m -> context == null || m.context() == context).toList();
        return switch (kind) {
            case measure -> relevant.size() >= target.intValue();
            case keep_below -> !relevant.isEmpty() && relevant.stream().allMatch(m -> m.value().compareTo(target) < 0);
            case reach -> relevant.stream().anyMatch(m -> m.value().compareTo(target) >= 0);
        };
    }
}
