package health.leiming.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every glucose threshold of the guidelines, in mmol/L and in its stated mg/dL equivalent, at the
 * threshold, just below it and just above it: a reading lands in the same class in either unit.
 */
class GlucoseUnitsTest {

    private static String level(String value, String unit, GlucoseContext context) {
        BigDecimal mmol = Units.toCanonical(MeasurementType.blood_glucose, new BigDecimal(value), unit);
        return new Measurement(MeasurementType.blood_glucose, mmol, null, null, context).indicator(null).level();
    }

    @ParameterizedTest(name = "{0} mmol/L = {1} mg/dL ({2}): below {3}, from {4}")
    @CsvSource({
            // mmol/L, mg/dL, context, class just below, class at and just above
            "3.0, 54, fasting, hypoglycemia_severe, hypoglycemia",
            "3.9, 70, fasting, hypoglycemia, normal",
            "6.1, 110, fasting, normal, impaired_fasting_glucose",
            "7.0, 126, fasting, impaired_fasting_glucose, diabetes_range",
            "7.8, 140, after_meal_2h, normal, impaired_glucose_tolerance",
            "11.1, 200, after_meal_2h, impaired_glucose_tolerance, diabetes_range",
            "11.1, 200, random, normal, diabetes_range",
            "16.7, 300, random, diabetes_range, hyperglycemia_severe",
    })
    void aThresholdClassifiesAlikeInBothUnits(String mmol, String mgDl, GlucoseContext context, String below,
            String from) {
        BigDecimal threshold = new BigDecimal(mmol);
        assertEquals(from, level(mmol, "mmol/L", context), "at the threshold in mmol/L");
        assertEquals(from, level(threshold.add(new BigDecimal("0.01")).toPlainString(), "mmol/L", context));
        assertEquals(below, level(threshold.subtract(new BigDecimal("0.01")).toPlainString(), "mmol/L", context));

        BigDecimal stated = new BigDecimal(mgDl);
        assertEquals(from, level(mgDl, "mg/dL", context), "at the threshold in mg/dL");
        for (String step : new String[] {"0.01", "0.1", "1"}) {
            assertEquals(from, level(stated.add(new BigDecimal(step)).toPlainString(), "mg/dL", context),
                    step + " mg/dL above");
            assertEquals(below, level(stated.subtract(new BigDecimal(step)).toPlainString(), "mg/dL", context),
                    step + " mg/dL below");
        }
    }

    @ParameterizedTest(name = "{0} mg/dL")
    @CsvSource({"20", "54", "90.08", "126", "180.16", "250", "300", "450", "900"})
    void theConversionStaysCloseToTheMolarMass(String mgDl) {
        BigDecimal converted = Units.toCanonical(MeasurementType.blood_glucose, new BigDecimal(mgDl), "mg/dL");
        BigDecimal exact = new BigDecimal(mgDl).divide(Units.GLUCOSE_MG_DL_PER_MMOL_L, java.math.MathContext.DECIMAL64);
        assertTrue(converted.subtract(exact).abs().compareTo(new BigDecimal("0.06")) <= 0,
                mgDl + " mg/dL: " + converted + " against " + exact);
    }
}
