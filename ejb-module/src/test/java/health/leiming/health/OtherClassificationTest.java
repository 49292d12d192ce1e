package health.leiming.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Glucose, BMI, heart rate, SpO2, temperature, steps and sleep: at, just below and just above each threshold. */
class OtherClassificationTest {

    @ParameterizedTest(name = "{0} mmol/L {1} -> {2}")
    @CsvSource({
            "2.99, fasting, hypoglycemia_severe, true",
            "3.0, fasting, hypoglycemia, true",
            "3.89, fasting, hypoglycemia, true",
            "3.9, fasting, normal, false",
            "6.09, fasting, normal, false",
            "6.1, fasting, impaired_fasting_glucose, false",
            "6.99, fasting, impaired_fasting_glucose, false",
            "7.0, fasting, diabetes_range, false",
            "7.79, after_meal_2h, normal, false",
            "7.8, after_meal_2h, impaired_glucose_tolerance, false",
            "11.09, after_meal_2h, impaired_glucose_tolerance, false",
            "11.1, after_meal_2h, diabetes_range, false",
            "11.09, random, normal, false",
            "11.1, random, diabetes_range, false",
            "7.5, bedtime, normal, false",
            "16.69, random, diabetes_range, false",
            "16.7, random, hyperglycemia_severe, true",
            "3.8, bedtime, hypoglycemia, true"
    })
    void glucose(String mmol, GlucoseContext context, String level, boolean alert) {
        Indicator indicator = Measurement.glucose(new BigDecimal(mmol), context);
        assertEquals(level, indicator.level());
        assertEquals(alert, indicator.alert());
    }

    @ParameterizedTest(name = "BMI {0} -> {1}")
    @CsvSource({"18.4, underweight", "18.5, normal", "23.9, normal", "24.0, overweight", "27.9, overweight",
            "28.0, obese"})
    void bmi(String bmi, String level) {
        assertEquals(level, Measurement.bmi(new BigDecimal(bmi)).level());
    }

    @ParameterizedTest
    @CsvSource({"70, 170, 24.2", "50, 160, 19.5", "100, 180, 30.9"})
    void bmiIsWeightOverHeightSquared(String kg, String cm, String bmi) {
        assertEquals(new BigDecimal(bmi), Measurement.bmi(new BigDecimal(kg), new BigDecimal(cm)));
    }

    @ParameterizedTest(name = "{0} bpm -> {1}")
    @CsvSource({"39, bradycardia_severe, true", "40, bradycardia, false", "59, bradycardia, false", "60, normal, false",
            "100, normal, false", "101, tachycardia, false", "149, tachycardia, false", "150, tachycardia_severe, true"})
    void heartRate(int bpm, String level, boolean alert) {
        Indicator indicator = Measurement.heartRate(bpm);
        assertEquals(level, indicator.level());
        assertEquals(alert, indicator.alert());
    }

    @ParameterizedTest(name = "SpO2 {0}% -> {1}")
    @CsvSource({"89.9, hypoxemia, true", "90, low, false", "94.9, low, false", "95, normal, false", "100, normal, false"})
    void oxygen(String percent, String level, boolean alert) {
        Indicator indicator = Measurement.oxygen(new BigDecimal(percent));
        assertEquals(level, indicator.level());
        assertEquals(alert, indicator.alert());
    }

    @ParameterizedTest(name = "{0} °C -> {1}")
    @CsvSource({"34.9, hypothermia, true", "35.0, low, false", "35.9, low, false", "36.0, normal, false",
            "37.2, normal, false", "37.3, low_fever, false", "38.0, low_fever, false", "38.1, moderate_fever, false",
            "39.0, moderate_fever, false", "39.1, high_fever, true", "41.0, high_fever, true", "41.1, hyperpyrexia, true"})
    void temperature(String celsius, String level, boolean alert) {
        Indicator indicator = Measurement.temperature(new BigDecimal(celsius));
        assertEquals(level, indicator.level());
        assertEquals(alert, indicator.alert());
    }

    @ParameterizedTest(name = "{0} steps -> {1}")
    @CsvSource({"5999, below_target", "6000, target_met", "6001, target_met"})
    void steps(String steps, String level) {
        Measurement m = new Measurement(MeasurementType.steps, new BigDecimal(steps), null, null, null);
        assertEquals(level, m.indicator(null).level());
    }

    @ParameterizedTest(name = "{0} h -> {1}")
    @CsvSource({"5.9, short", "6, slightly_short", "6.9, slightly_short", "7, normal", "9, normal", "9.1, long"})
    void sleep(String hours, String level) {
        assertEquals(level, Measurement.sleep(new BigDecimal(hours)).level());
    }
}
