package health.leiming.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import health.leiming.platform.BusinessException;
import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnitsTest {

    @ParameterizedTest(name = "{1} {2} -> {3}")
    @CsvSource({
            "blood_glucose, 126, mg/dL, 7.00",
            "blood_glucose, 90.08, mg/dl, 5.00",
            "blood_glucose, 5.6, mmol/L, 5.60",
            "weight, 130, 斤, 65.00",
            "weight, 150, lb, 68.04",
            "weight, 1, lb, 0.45",
            "weight, 70.5, kg, 70.50",
            "blood_pressure, 16, kPa, 120",
            "blood_pressure, 18.665, kPa, 140",
            "blood_pressure, 120, mmHg, 120",
            "body_temperature, 98.6, °F, 37.0",
            "body_temperature, 100.4, F, 38.0",
            "body_temperature, 36.5, °C, 36.5",
            "sleep_duration, 450, min, 7.50",
            "heart_rate, 72, bpm, 72",
            "blood_oxygen, 97, %, 97.0",
            "steps, 8000, steps, 8000"
    })
    void convertsToTheCanonicalUnit(MeasurementType type, String value, String unit, String expected) {
        assertEquals(new BigDecimal(expected), Units.toCanonical(type, new BigDecimal(value), unit));
    }

    @ParameterizedTest
    @CsvSource({"weight, kg", "blood_glucose, mmol/L"})
    void aMissingUnitMeansTheCanonicalOne(MeasurementType type, String canonical) {
        assertEquals(Units.toCanonical(type, BigDecimal.TEN, canonical), Units.toCanonical(type, BigDecimal.TEN, null));
    }

    @ParameterizedTest
    @CsvSource({"weight, g", "blood_glucose, mg", "blood_pressure, cmH2O", "body_temperature, K", "heart_rate, Hz"})
    void otherUnitsAreRefused(MeasurementType type, String unit) {
        BusinessException e = assertThrows(BusinessException.class, () -> Units.toCanonical(type, BigDecimal.ONE, unit));
        assertEquals("UNIT_INVALID", e.code());
    }
}
