package health.leiming.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import health.leiming.health.RecordInput;
import health.leiming.platform.BusinessException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.junit.jupiter.api.Test;

class FhirMappingTest {

    @Test
    void guidelineLevelsBecomeHl7InterpretationCodes() {
        assertEquals(Optional.of("N"), FhirMapping.interpretation("normal", false));
        assertEquals(Optional.of("H"), FhirMapping.interpretation("grade_1", false));
        assertEquals(Optional.of("HH"), FhirMapping.interpretation("grade_3", true));
        assertEquals(Optional.of("L"), FhirMapping.interpretation("hypoglycemia", false));
        assertEquals(Optional.of("LL"), FhirMapping.interpretation("hypoglycemia_severe", true));
        assertEquals(Optional.empty(), FhirMapping.interpretation("unclassified", false));
    }

    @Test
    void ourAppointmentStatusesAsFhirs() {
        Instant start = Instant.parse("2026-12-04T02:00:00Z");
        assertEquals("pending", FhirMapping.appointment("a", "scheduled", "p", "s", "陪诊", start, 120, "h").getStatus().toCode());
        assertEquals("booked", FhirMapping.appointment("a", "confirmed", "p", "s", "陪诊", start, 120, "h").getStatus().toCode());
        assertEquals("arrived", FhirMapping.appointment("a", "in_progress", "p", "s", "陪诊", start, 120, "h").getStatus().toCode());
        assertEquals("fulfilled", FhirMapping.appointment("a", "completed", "p", "s", "陪诊", start, 120, "h").getStatus().toCode());
        assertEquals("cancelled", FhirMapping.appointment("a", "cancelled", "p", "s", "陪诊", start, 120, "h").getStatus().toCode());
        var appointment = FhirMapping.appointment("a", "scheduled", "p", "s", "陪诊", start, 120, "h");
        assertEquals(start.plusSeconds(7200), appointment.getEnd().toInstant());
        assertEquals("needs-action", appointment.getParticipant().get(1).getStatus().toCode(), "the companion has not accepted");
    }

    @Test
    void aHospitalBloodPressurePanelIsOneReadingInItsUnits() {
        Observation o = observation("85354-9");
        o.addComponent().setValue(ucum("18.5", "kPa")).getCode().addCoding(new Coding(FhirMapping.LOINC, "8480-6", null));
        o.addComponent().setValue(ucum("11.2", "kPa")).getCode().addCoding(new Coding(FhirMapping.LOINC, "8462-4", null));
        RecordInput reading = FhirMapping.reading(o);
        assertEquals("blood_pressure", reading.type());
        assertEquals("kPa", reading.unit());
        assertEquals(new BigDecimal("18.5"), reading.systolic());
        assertEquals("hospital", reading.source());
    }

    @Test
    void glucoseTimingComesFromItsCode() {
        Observation fasting = observation("14770-2");
        fasting.setValue(ucum("6.1", "mmol/L"));
        assertEquals("fasting", FhirMapping.reading(fasting).context());
        Observation lab = observation("2345-7");
        lab.setValue(ucum("126", "mg/dL"));
        assertEquals("mg/dL", FhirMapping.reading(lab).unit());
        assertEquals("random", FhirMapping.reading(lab).context());
    }

    @Test
    void whatCannotBeAReadingIsA400() {
        Observation unknown = observation("1234-5");
        unknown.setValue(ucum("1", "mmol/L"));
        assertThrows(BusinessException.class, () -> FhirMapping.reading(unknown));
        Observation noUnit = observation("8867-4");
        noUnit.setValue(new Quantity().setValue(70));
        assertThrows(BusinessException.class, () -> FhirMapping.reading(noUnit));
        Observation bpWithoutDiastolic = observation("85354-9");
        bpWithoutDiastolic.addComponent().setValue(ucum("120", "mm[Hg]")).getCode()
                .addCoding(new Coding(FhirMapping.LOINC, "8480-6", null));
        assertThrows(BusinessException.class, () -> FhirMapping.reading(bpWithoutDiastolic));
        Observation preliminary = observation("8867-4");
        preliminary.setValue(ucum("70", "/min"));
        preliminary.setStatus(Observation.ObservationStatus.PRELIMINARY);
        assertThrows(BusinessException.class, () -> FhirMapping.reading(preliminary));
    }

    private static Observation observation(String loinc) {
        Observation o = new Observation();
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.getCode().addCoding(new Coding(FhirMapping.LOINC, loinc, null));
        o.setEffective(new DateTimeType(Date.from(Instant.parse("2026-12-01T08:00:00Z"))));
        return o;
    }

    private static Quantity ucum(String value, String code) {
        return new Quantity().setValue(new BigDecimal(value)).setSystem(FhirMapping.UCUM).setCode(code);
    }
}
