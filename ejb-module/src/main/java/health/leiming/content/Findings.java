package health.leiming.content;

import java.math.BigDecimal;
import java.util.List;

/**
 * What is to be interpreted, as values only: no name, phone or ID number ever gets in here, so none
 * can reach a model. Each finding says what was measured, its value and whether it is in range.
 */
public record Findings(String kind, String context, List<Finding> items) {

    /** status: normal, high, low, abnormal (classified out of range) or unknown (no range to judge by). */
    public record Finding(String name, BigDecimal value, String unit, String reference, String status, String detail) {

        boolean outOfRange() {
            return !"normal".equals(status) && !"unknown".equals(status);
        }
    }

    long judged() {
        return items.stream().filter(f -> !"unknown".equals(f.status())).count();
    }
}
