package health.leiming.health;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A lab report from a hospital as the member sees it, with its results in the hospital's order. */
public record LabReportView(String id, String personId, String hospitalId, String hospitalName, String name,
        String category, String status, Instant effectiveAt, Instant issuedAt, String conclusion, List<Result> results,
        Instant importedAt) {

    /** flag: normal, high, low, critical_high, critical_low, abnormal or unknown. */
    public record Result(String code, String name, BigDecimal value, String valueText, String unit, String referenceRange,
            String flag) {
    }

    /** A report in a list: what it is, when, and how many of its results are out of range. */
    public record Summary(String id, String personId, String hospitalId, String hospitalName, String name,
            Instant effectiveAt, Instant issuedAt, int results, int outOfRange, Instant importedAt) {
    }
}
