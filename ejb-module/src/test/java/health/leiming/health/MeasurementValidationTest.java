package health.leiming.health;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.leiming.platform.BusinessException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MeasurementValidationTest {

    private static Measurement bp(int systolic, int diastolic) {
        return new Measurement(MeasurementType.blood_pressure, BigDecimal.valueOf(systolic), BigDecimal.valueOf(diastolic),
                null, null);
    }

    @Test
    void impossibleBloodPressuresAreRefusedWithTheReason() {
        BusinessException tooHigh = assertThrows(BusinessException.class, () -> bp(400, 80));
        assertEquals("VALUE_IMPOSSIBLE", tooHigh.code());
        assertTrue(tooHigh.getMessage().contains("收缩压"), tooHigh.getMessage());
        BusinessException inverted = assertThrows(BusinessException.class, () -> bp(110, 120));
        assertTrue(inverted.getMessage().contains("舒张压必须低于收缩压"));
        assertThrows(BusinessException.class, () -> bp(120, 120));
        assertDoesNotThrow(() -> bp(300, 200));
        assertThrows(BusinessException.class, () -> new Measurement(MeasurementType.blood_pressure,
                BigDecimal.valueOf(120), null, null, null));
    }

    @ParameterizedTest
    @CsvSource({"blood_glucose, 0", "blood_glucose, 0.49", "blood_glucose, 60.1", "heart_rate, 19", "heart_rate, 301",
            "weight, 0.9", "weight, 501", "body_temperature, 29.9", "body_temperature, 45.1", "blood_oxygen, 49",
            "blood_oxygen, 100.1", "steps, -1", "sleep_duration, 24.5"})
    void impossibleValuesAreRefused(MeasurementType type, String value) {
        assertThrows(BusinessException.class, () -> new Measurement(type, new BigDecimal(value), null, null, null));
    }

    @ParameterizedTest
    @CsvSource({"blood_glucose, 0.5", "blood_glucose, 60", "heart_rate, 20", "heart_rate, 300", "weight, 1",
            "body_temperature, 30", "body_temperature, 45", "blood_oxygen, 50", "blood_oxygen, 100", "steps, 0",
            "sleep_duration, 24"})
    void boundaryValuesAreAccepted(MeasurementType type, String value) {
        assertDoesNotThrow(() -> new Measurement(type, new BigDecimal(value), null, null, null));
    }

    @Test
    void glucoseWithoutContextCountsAsRandom() {
        Measurement m = new Measurement(MeasurementType.blood_glucose, new BigDecimal("5.5"), null, null, null);
        assertEquals(GlucoseContext.random, m.context());
    }
}
