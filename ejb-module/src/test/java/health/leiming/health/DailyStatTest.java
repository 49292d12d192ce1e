package health.leiming.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A day's roll-up, grown one new reading at a time or recomputed, gives the figures of all its readings. */
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

    /** The day's figures computed here, straight from the readings, as the oracle. */
    private static void assertSummarises(List<TrendAnalysis.Reading> readings, DailyStat actual) {
        assertEquals(readings.size(), actual.count());
        BigDecimal sum = readings.stream().map(TrendAnalysis.Reading::value).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, sum.compareTo(actual.sum()));
        assertEquals(0, readings.stream().map(TrendAnalysis.Reading::value).min(BigDecimal::compareTo).orElseThrow()
                .compareTo(actual.min()));
        assertEquals(0, readings.stream().map(TrendAnalysis.Reading::value).max(BigDecimal::compareTo).orElseThrow()
                .compareTo(actual.max()));
        BigDecimal n = BigDecimal.valueOf(readings.size());
        assertEquals(sum.divide(n, 2, RoundingMode.HALF_UP), actual.average());
        if (readings.get(0).diastolic() == null) {
            assertNull(actual.diastolicSum());
            assertNull(actual.diastolicAverage());
        } else {
            List<BigDecimal> diastolic = readings.stream().map(TrendAnalysis.Reading::diastolic).toList();
            assertEquals(diastolic.stream().reduce(BigDecimal.ZERO, BigDecimal::add).divide(n, 2, RoundingMode.HALF_UP),
                    actual.diastolicAverage());
            assertEquals(0, diastolic.stream().min(BigDecimal::compareTo).orElseThrow().compareTo(actual.diastolicMin()));
            assertEquals(0, diastolic.stream().max(BigDecimal::compareTo).orElseThrow().compareTo(actual.diastolicMax()));
        }
        assertEquals(readings.stream().filter(r -> !TrendAnalysis.isFine(r.indicator().level())).count(), actual.abnormal());
        assertEquals(readings.stream().filter(r -> r.indicator().alert()).count(), actual.alerts());
    }

    @Test
    void addingReadingsOneByOneOrRecomputingGivesTheDaysFigures() {
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
                assertSummarises(readings, grown);
                DailyStat recomputed = new DailyStat("p", MeasurementType.blood_pressure, DAY);
                recomputed.summarise(readings);
                assertSummarises(readings, recomputed);
                // a day recomputed after it had other readings starts afresh
                recomputed.summarise(readings.subList(0, 1));
                assertSummarises(readings.subList(0, 1), recomputed);
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
