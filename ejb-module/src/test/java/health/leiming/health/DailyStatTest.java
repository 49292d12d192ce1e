package health.leiming.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A day's roll-up grown one new reading at a time equals the day recomputed from all its readings. */
class DailyStatTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 20);

    private static TrendAnalysis.Reading reading(Random random, boolean bloodPressure) {
        BigDecimal value = BigDecimal.valueOf(900 + random.nextInt(1200), 1); // 90.0 to 209.9
        BigDecimal diastolic = bloodPressure ? BigDecimal.valueOf(50 + random.nextInt(80)) : null;
        String level = switch (random.nextInt(3)) {
            case 0 -> "normal";
            case 1 -> "grade_1";
            default -> "grade_3";
        };
        return new TrendAnalysis.Reading(Instant.parse("2026-11-20T01:00:00Z"), value, diastolic,
                new Indicator(level, "", "", level.equals("grade_3")));
    }

    private static void assertSame(DailyStat expected, DailyStat actual) {
        assertEquals(expected.count(), actual.count());
        assertEquals(0, expected.sum().compareTo(actual.sum()));
        assertEquals(0, expected.min().compareTo(actual.min()));
        assertEquals(0, expected.max().compareTo(actual.max()));
        assertEquals(expected.average(), actual.average());
        assertEquals(expected.diastolicAverage(), actual.diastolicAverage());
        if (expected.diastolicSum() == null) {
            assertNull(actual.diastolicSum());
        } else {
            assertEquals(0, expected.diastolicMin().compareTo(actual.diastolicMin()));
            assertEquals(0, expected.diastolicMax().compareTo(actual.diastolicMax()));
        }
        assertEquals(expected.abnormal(), actual.abnormal());
        assertEquals(expected.alerts(), actual.alerts());
    }

    @Test
    void addingReadingsOneByOneGivesTheRecomputedDay() {
        Random random = new Random(20261129);
        for (boolean bloodPressure : new boolean[] {true, false}) {
            for (int round = 0; round < 200; round++) {
                List<TrendAnalysis.Reading> readings = new ArrayList<>();
                DailyStat grown = new DailyStat("p", MeasurementType.blood_pressure, DAY);
                for (int i = 0, n = 1 + random.nextInt(30); i < n; i++) {
                    TrendAnalysis.Reading r = reading(random, bloodPressure);
                    assertTrue(grown.accepts(r));
                    grown.add(r);
                    readings.add(r);
                }
                DailyStat recomputed = new DailyStat("p", MeasurementType.blood_pressure, DAY);
                recomputed.summarise(readings);
                assertSame(recomputed, grown);
            }
        }
    }

    @Test
    void aReadingOfTheOtherShapeIsNotAddedBlindly() {
        Random random = new Random(7);
        DailyStat withDiastolic = new DailyStat("p", MeasurementType.blood_pressure, DAY);
        withDiastolic.add(reading(random, true));
        assertFalse(withDiastolic.accepts(reading(random, false)), "the day is recomputed instead");
    }
}
