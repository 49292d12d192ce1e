package health.leiming.health;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A hospital's lab report (FHIR DiagnosticReport with its result Observations), as interop read it:
 * sourceId is the hospital's report id, status final, amended, corrected or appended (or entered-in-error,
 * which removes what was imported). Each result has a number or a text, and a flag: normal, high, low,
 * critical_high, critical_low, abnormal or unknown.
 */
public record LabReportInput(String sourceId, String name, String category, String status, Instant effectiveAt,
        Instant issuedAt, String conclusion, List<Result> results) {

    public record Result(String code, String codeSystem, String name, BigDecimal value, String valueText, String unit,
            String referenceRange, String flag) {
    }

    /** Whether the hospital withdrew the report (imported copies are removed). */
    public boolean withdrawn() {
        return "entered-in-error".equals(status) || "cancelled".equals(status);
    }
}
