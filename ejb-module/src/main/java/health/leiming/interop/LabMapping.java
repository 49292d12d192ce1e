package health.leiming.interop;

import health.leiming.health.LabReportInput;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;

/**
 * A hospital's lab results as ours: a DiagnosticReport with the Observations it names as a lab report, and
 * what a hospital's Patient says about who it is (ID card numbers, phones, birth date), for the member's
 * link to be checked against.
 */
final class LabMapping {

    /** The report statuses that carry results a member may rely on, and those that withdraw a report. */
    private static final Set<DiagnosticReport.DiagnosticReportStatus> USABLE = Set.of(
            DiagnosticReport.DiagnosticReportStatus.FINAL, DiagnosticReport.DiagnosticReportStatus.AMENDED,
            DiagnosticReport.DiagnosticReportStatus.CORRECTED, DiagnosticReport.DiagnosticReportStatus.APPENDED,
            DiagnosticReport.DiagnosticReportStatus.ENTEREDINERROR, DiagnosticReport.DiagnosticReportStatus.CANCELLED);
    private static final Set<Observation.ObservationStatus> USABLE_RESULT = Set.of(Observation.ObservationStatus.FINAL,
            Observation.ObservationStatus.AMENDED, Observation.ObservationStatus.CORRECTED);
    /** HL7 v3 ObservationInterpretation codes as our flags. */
    private static final Map<String, String> FLAGS = Map.ofEntries(Map.entry("N", "normal"), Map.entry("H", "high"),
            Map.entry("L", "low"), Map.entry("HH", "critical_high"), Map.entry("LL", "critical_low"),
            Map.entry("HU", "critical_high"), Map.entry("LU", "critical_low"), Map.entry("A", "abnormal"),
            Map.entry("AA", "critical_high"), Map.entry("POS", "abnormal"), Map.entry("NEG", "normal"));
    /** A mainland resident ID card number (18 characters, the last a digit or X). */
    private static final Pattern ID_CARD = Pattern.compile("[1-9][0-9]{16}[0-9Xx]");

    private LabMapping() {
    }

    /**
     * The report and its results (those of its Observations the hospital sent along; others are left out),
     * or null when the report is not final yet (registered, partial, preliminary): it comes when it is.
     */
    static LabReportInput report(DiagnosticReport report, Map<String, Observation> observations) {
        if (!USABLE.contains(report.getStatus())) {
            return null;
        }
        List<LabReportInput.Result> results = new ArrayList<>();
        for (Reference reference : report.getResult()) {
            Observation o = reference.getReference() == null ? null
                    : observations.get(idPart(reference.getReference()));
            if (o != null && USABLE_RESULT.contains(o.getStatus())) {
                results.add(result(o));
            }
        }
        Instant effective = report.hasEffectiveDateTimeType() && report.getEffectiveDateTimeType().getValue() != null
                ? report.getEffectiveDateTimeType().getValue().toInstant()
                : report.hasEffectivePeriod() && report.getEffectivePeriod().getStart() != null
                        ? report.getEffectivePeriod().getStart().toInstant() : null;
        return new LabReportInput(report.getIdElement().getIdPart(), text(report.getCode()),
                report.hasCategory() ? text(report.getCategoryFirstRep()) : null, report.getStatus().toCode(), effective,
                report.getIssued() == null ? null : report.getIssued().toInstant(), report.getConclusion(), results);
    }

    static LabReportInput.Result result(Observation o) {
        Coding coding = o.getCode().getCoding().stream().filter(c -> FhirMapping.LOINC.equals(c.getSystem())).findFirst()
                .orElse(o.getCode().getCodingFirstRep());
        BigDecimal value = null;
        String valueText = null;
        String unit = null;
        if (o.hasValueQuantity()) {
            Quantity q = o.getValueQuantity();
            value = q.getValue();
            unit = q.hasUnit() ? q.getUnit() : q.getCode();
            if (q.hasComparator()) { // "<0.1": the number alone would say more than the hospital did
                valueText = q.getComparator().toCode() + q.getValue().toPlainString();
                value = null;
            }
        } else if (o.hasValueStringType()) {
            valueText = o.getValueStringType().getValue();
        } else if (o.hasValueCodeableConcept()) {
            valueText = text(o.getValueCodeableConcept());
        }
        Observation.ObservationReferenceRangeComponent range = o.hasReferenceRange() ? o.getReferenceRangeFirstRep() : null;
        return new LabReportInput.Result(coding.getCode(), coding.getSystem(), text(o.getCode()), value, valueText, unit,
                range == null ? null : rangeText(range), flag(o, value, range));
    }

    /** The hospital's interpretation, or (without one) the value against the range's low and high. */
    private static String flag(Observation o, BigDecimal value, Observation.ObservationReferenceRangeComponent range) {
        for (CodeableConcept interpretation : o.getInterpretation()) {
            for (Coding c : interpretation.getCoding()) {
                if (c.getCode() != null && FLAGS.containsKey(c.getCode())) {
                    return FLAGS.get(c.getCode());
                }
            }
        }
        if (value == null || range == null) {
            return "unknown";
        }
        BigDecimal low = range.hasLow() ? range.getLow().getValue() : null;
        BigDecimal high = range.hasHigh() ? range.getHigh().getValue() : null;
        if (low == null && high == null) {
            return "unknown";
        }
        return low != null && value.compareTo(low) < 0 ? "low" : high != null && value.compareTo(high) > 0 ? "high" : "normal";
    }

    /** "3.9-6.1", "<5.2" or "≥1.0", as a lab sheet prints it (and as AI interpretation reads it). */
    private static String rangeText(Observation.ObservationReferenceRangeComponent range) {
        BigDecimal low = range.hasLow() ? range.getLow().getValue() : null;
        BigDecimal high = range.hasHigh() ? range.getHigh().getValue() : null;
        if (low != null && high != null) {
            return low.toPlainString() + "-" + high.toPlainString();
        }
        if (high != null) {
            return "<" + high.toPlainString();
        }
        if (low != null) {
            return ">" + low.toPlainString();
        }
        return range.hasText() ? range.getText() : null;
    }

    /** The ID card numbers a hospital's Patient carries, whatever identifier system it files them under. */
    static List<String> idCards(Patient patient) {
        return patient.getIdentifier().stream().map(Identifier::getValue)
                .filter(v -> v != null && ID_CARD.matcher(v.strip()).matches()).map(String::strip).toList();
    }

    static List<String> phones(Patient patient) {
        return patient.getTelecom().stream().filter(t -> t.getSystem() == ContactPoint.ContactPointSystem.PHONE
                || t.getSystem() == ContactPoint.ContactPointSystem.SMS).map(ContactPoint::getValue).toList();
    }

    /** The Patient's birth date when it is a whole date (a year or a month alone compares with nothing). */
    static LocalDate birthDate(Patient patient) {
        String value = patient.getBirthDateElement().getValueAsString();
        return value == null || value.length() != 10 ? null : LocalDate.parse(value);
    }

    static String idPart(String reference) {
        String withoutHistory = reference.contains("/_history/") ? reference.substring(0, reference.indexOf("/_history/"))
                : reference;
        return withoutHistory.substring(withoutHistory.lastIndexOf('/') + 1);
    }

    private static String text(CodeableConcept concept) {
        if (concept.hasText()) {
            return concept.getText();
        }
        Coding coding = concept.getCodingFirstRep();
        return coding.hasDisplay() ? coding.getDisplay() : coding.getCode();
    }
}
