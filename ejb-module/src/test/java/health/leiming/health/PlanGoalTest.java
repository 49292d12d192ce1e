package health.leiming.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.leiming.platform.BusinessException;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanGoalTest {

    private static Measurement bp(int systolic) {
        return new Measurement(MeasurementType.blood_pressure, BigDecimal.valueOf(systolic), BigDecimal.valueOf(80), null,
                null);
    }

    private static Measurement glucose(String value, GlucoseContext context) {
        return new Measurement(MeasurementType.blood_glucose, new BigDecimal(value), null, null, context);
    }

    @Test
    void measuringTwiceADayNeedsTwoReadings() {
        PlanGoal twice = new PlanGoal(PlanGoal.Kind.measure, MeasurementType.blood_pressure, BigDecimal.valueOf(2), null);
        assertFalse(twice.metBy(List.of(bp(120))));
        assertTrue(twice.metBy(List.of(bp(120), bp(125))));
    }

    @Test
    void keepingFastingGlucoseBelowATargetLooksOnlyAtFastingReadings() {
        PlanGoal goal = new PlanGoal(PlanGoal.Kind.keep_below, MeasurementType.blood_glucose, new BigDecimal("7.0"),
                GlucoseContext.fasting);
        assertTrue(goal.metBy(List.of(glucose("6.5", GlucoseContext.fasting), glucose("9.0", GlucoseContext.after_meal_2h))));
        assertFalse(goal.metBy(List.of(glucose("7.0", GlucoseContext.fasting))), "at the target is not below it");
        assertFalse(goal.metBy(List.of(glucose("9.0", GlucoseContext.after_meal_2h))), "a day without a fasting reading");
    }

    @Test
    void reachingAStepCountNeedsOneReadingAtOrAboveIt() {
        PlanGoal walk = new PlanGoal(PlanGoal.Kind.reach, MeasurementType.steps, BigDecimal.valueOf(6000), null);
        Measurement steps5999 = new Measurement(MeasurementType.steps, BigDecimal.valueOf(5999), null, null, null);
        Measurement steps6000 = new Measurement(MeasurementType.steps, BigDecimal.valueOf(6000), null, null, null);
        assertFalse(walk.metBy(List.of(steps5999)));
        assertTrue(walk.metBy(List.of(steps5999, steps6000)));
    }

    @Test
    void impossibleGoalsAreRefused() {
        assertEquals("PLAN_INVALID", assertThrows(BusinessException.class, () -> new PlanGoal(PlanGoal.Kind.measure,
                MeasurementType.blood_pressure, new BigDecimal("1.5"), null)).code());
        assertThrows(BusinessException.class, () -> new PlanGoal(PlanGoal.Kind.measure, MeasurementType.blood_pressure,
                BigDecimal.valueOf(13), null));
        assertThrows(BusinessException.class, () -> new PlanGoal(PlanGoal.Kind.reach, MeasurementType.steps,
                BigDecimal.ZERO, null));
    }
}
