package health.leiming.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** 中国高血压防治指南（2018年修订版）: every boundary, at, just below and just above. */
class BloodPressureClassificationTest {

    @ParameterizedTest(name = "{0}/{1} mmHg -> {2}")
    @CsvSource({
            "119, 79, normal, false",
            "120, 79, high_normal, false",
            "119, 80, high_normal, false",
            "139, 89, high_normal, false",
            "140, 89, isolated_systolic_hypertension, false",
            "139, 90, grade_1, false",
            "159, 99, grade_1, false",
            "160, 99, grade_2, false",
            "159, 100, grade_2, false",
            "179, 109, grade_2, false",
            "180, 109, grade_3, true",
            "179, 110, grade_3, true",
            "150, 105, grade_2, false",   // readings in different grades: the higher grade counts
            "165, 92, grade_2, false",
            "185, 95, grade_3, true",
            "150, 85, isolated_systolic_hypertension, false",
            "185, 85, isolated_systolic_hypertension, true"
    })
    void levels(int systolic, int diastolic, String level, boolean alert) {
        Indicator indicator = Measurement.bloodPressure(systolic, diastolic);
        assertEquals(level, indicator.level());
        assertEquals(alert, indicator.alert());
        assertEquals(Guidelines.HYPERTENSION_2018, indicator.guideline());
    }

    @ParameterizedTest
    @CsvSource({"150, 85, 1级", "165, 85, 2级", "185, 85, 3级"})
    void isolatedSystolicHypertensionIsGradedBySystolic(int systolic, int diastolic, String grade) {
        assertEquals(true, Measurement.bloodPressure(systolic, diastolic).description().contains(grade));
    }
}
