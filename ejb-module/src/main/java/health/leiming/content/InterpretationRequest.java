package health.leiming.content;

import java.math.BigDecimal;
import java.util.List;

/**
 * What to interpret: {@code kind} report (reportId), lab_report (reportId of a lab report from a hospital),
 * records (personId, type, period 7d|30d|90d) or lab
 * (items the member typed in from a lab sheet, each with value, unit and reference range).
 */
public record InterpretationRequest(String kind, String reportId, String personId, String type, String period,
        List<LabItem> items) {

    /** A lab sheet line: 空腹血糖 6.8 mmol/L, reference "3.9-6.1" (or "<5.2", ">1.0"). */
    public record LabItem(String name, BigDecimal value, String unit, String referenceRange) {
    }
}
