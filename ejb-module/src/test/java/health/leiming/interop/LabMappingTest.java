package health.leiming.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import health.leiming.health.LabReportInput;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.SimpleQuantity;
import org.junit.jupiter.api.Test;

class LabMappingTest {

    private static Observation result(String id, String value, String low, String high, String interpretation) {
        Observation o = new Observation();
        o.setId(id);
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.setCode(new CodeableConcept().addCoding(new Coding("http://hospital.example/lab", "GLU", "血糖"))
                .addCoding(new Coding(FhirMapping.LOINC, "15074-8", "Glucose")));
        o.setValue(new Quantity().setValue(new BigDecimal(value)).setUnit("mmol/L"));
        Observation.ObservationReferenceRangeComponent range = o.addReferenceRange();
        if (low != null) {
            range.setLow(new SimpleQuantity().setValue(new BigDecimal(low)));
        }
        if (high != null) {
            range.setHigh(new SimpleQuantity().setValue(new BigDecimal(high)));
        }
        if (interpretation != null) {
            o.addInterpretation().addCoding().setSystem(FhirMapping.INTERPRETATION).setCode(interpretation);
        }
        return o;
    }

    @Test
    void theHospitalsFlagWinsAndWithoutOneTheValueIsReadAgainstTheRange() {
        assertEquals("critical_high", LabMapping.result(result("a", "25", "3.9", "6.1", "HH")).flag());
        assertEquals("normal", LabMapping.result(result("a", "7", "3.9", "6.1", "N")).flag(), "the hospital knows its range");
        assertEquals("high", LabMapping.result(result("a", "6.2", "3.9", "6.1", null)).flag());
        assertEquals("normal", LabMapping.result(result("a", "6.1", "3.9", "6.1", null)).flag(), "the bounds are in range");
        assertEquals("normal", LabMapping.result(result("a", "3.9", "3.9", "6.1", null)).flag());
        assertEquals("low", LabMapping.result(result("a", "3.8", "3.9", "6.1", null)).flag());
        assertEquals("high", LabMapping.result(result("a", "5.3", null, "5.2", null)).flag());
        assertEquals("unknown", LabMapping.result(result("a", "5.3", null, null, null)).flag());
    }

    @Test
    void aResultKeepsItsLoincCodeNameUnitAndRangeAsALabSheetPrintsThem() {
        LabReportInput.Result r = LabMapping.result(result("a", "6.8", "3.9", "6.1", "H"));
        assertEquals("15074-8", r.code());
        assertEquals(FhirMapping.LOINC, r.codeSystem());
        assertEquals("血糖", r.name(), "the display of the first coding names it without a text");
        assertEquals(new BigDecimal("6.8"), r.value());
        assertEquals("mmol/L", r.unit());
        assertEquals("3.9-6.1", r.referenceRange());
        assertEquals("<5.2", LabMapping.result(result("a", "4", null, "5.2", null)).referenceRange());
        Observation censored = result("a", "0.1", null, null, null);
        censored.getValueQuantity().setComparator(Quantity.QuantityComparator.LESS_THAN);
        LabReportInput.Result below = LabMapping.result(censored);
        assertNull(below.value(), "\"<0.1\" is not the number 0.1");
        assertEquals("<0.1", below.valueText());
    }

    @Test
    void onlyFinalReportsCountAndOnlyTheirOwnFinalResults() {
        Observation fine = result("o1", "5", "3.9", "6.1", null);
        Observation wrong = result("o2", "99", "3.9", "6.1", null);
        wrong.setStatus(Observation.ObservationStatus.ENTEREDINERROR);
        DiagnosticReport report = new DiagnosticReport();
        report.setId("dr1");
        report.setStatus(DiagnosticReport.DiagnosticReportStatus.FINAL);
        report.getCode().setText("血糖");
        report.setEffective(new DateTimeType("2026-12-01T08:00:00+08:00"));
        report.setIssued(Date.from(java.time.Instant.parse("2026-12-01T03:00:00Z")));
        report.setResult(List.of(new Reference("Observation/o1"), new Reference("Observation/o2"),
                new Reference("Observation/missing")));
        LabReportInput input = LabMapping.report(report, Map.of("o1", fine, "o2", wrong));
        assertEquals("dr1", input.sourceId());
        assertEquals("final", input.status());
        assertEquals(java.time.Instant.parse("2026-12-01T00:00:00Z"), input.effectiveAt());
        assertEquals(1, input.results().size());
        report.setStatus(DiagnosticReport.DiagnosticReportStatus.PRELIMINARY);
        assertNull(LabMapping.report(report, Map.of("o1", fine)));
        report.setStatus(DiagnosticReport.DiagnosticReportStatus.ENTEREDINERROR);
        assertEquals(true, LabMapping.report(report, Map.of()).withdrawn());
    }

    @Test
    void whoAPatientRecordSaysItIs() {
        Patient p = new Patient();
        p.addIdentifier().setSystem("urn:oid:1.2.156.1").setValue("MZ0001");
        p.addIdentifier().setSystem("urn:oid:2.16.156.10011.1.3").setValue("11010519491231002X");
        p.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue("139 1234 5678");
        p.addTelecom().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue("a@b.cn");
        p.setBirthDateElement(new DateType("1949-12-31"));
        assertEquals(List.of("11010519491231002X"), LabMapping.idCards(p));
        assertEquals(List.of("139 1234 5678"), LabMapping.phones(p));
        assertEquals(LocalDate.of(1949, 12, 31), LabMapping.birthDate(p));
        p.setBirthDateElement(new DateType("1949"));
        assertNull(LabMapping.birthDate(p), "a year alone compares with no birth date");
        assertEquals("o1", LabMapping.idPart("https://his.example/fhir/Observation/o1/_history/3"));
    }
}
