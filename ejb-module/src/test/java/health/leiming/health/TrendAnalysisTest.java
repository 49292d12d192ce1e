package health.leiming.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrendAnalysisTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");

    private static List<TrendAnalysis.Reading> systolic(int... values) {
        List<TrendAnalysis.Reading> readings = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            readings.add(new TrendAnalysis.Reading(START.plusSeconds(86_400L * i), BigDecimal.valueOf(values[i]),
                    BigDecimal.valueOf(80), Measurement.bloodPressure(values[i], 80)));
        }
        return readings;
    }

    @Test
    void directionFollowsTheSlopeNotTheFirstAndLastPoints() {
        // first and last equal, but the readings climb in between: the fitted line rises by 3.6 a day
        assertEquals("rising", TrendAnalysis.direction(MeasurementType.blood_pressure, systolic(120, 128, 134, 140, 120), 7));
        // first 120, last 130 (a two-point comparison says "rising"), but the fitted line is flat
        assertEquals("stable", TrendAnalysis.direction(MeasurementType.blood_pressure,
                systolic(120, 140, 130, 130, 140, 120, 130), 7));
        assertEquals("falling", TrendAnalysis.direction(MeasurementType.blood_pressure, systolic(150, 145, 140, 135), 7));
        assertEquals("insufficient_data", TrendAnalysis.direction(MeasurementType.blood_pressure, systolic(150, 130), 7));
    }

    @Test
    void theThresholdIsTheChangeAcrossThePeriod() {
        // 0.7 mmHg a day: 4.9 over 7 days (stable), 21 over 30 days (rising)
        List<TrendAnalysis.Reading> slow = systolic(120, 121, 121, 122, 123, 123, 124);
        assertEquals("stable", TrendAnalysis.direction(MeasurementType.blood_pressure, slow.subList(0, 7), 7));
        assertEquals("rising", TrendAnalysis.direction(MeasurementType.blood_pressure, slow, 30));
    }

    @Test
    void statisticsAndAdviceCountTheReadingsAtEachLevel() {
        TrendView view = TrendAnalysis.analyse(MeasurementType.blood_pressure, systolic(118, 142, 125, 181),
                LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 7), SHANGHAI);
        assertEquals(new BigDecimal("141.50"), view.statistics().average());
        assertEquals(BigDecimal.valueOf(181), view.statistics().max());
        assertEquals(BigDecimal.valueOf(118), view.statistics().min());
        assertEquals(4, view.statistics().count());
        assertEquals(new BigDecimal("80.00"), view.diastolic().average());
        assertEquals("raw", view.granularity());
        assertEquals("danger", view.advice().get(0).level());
    }

    @Test
    void longPeriodsAreAggregatedByBusinessDay() {
        List<TrendAnalysis.Reading> readings = new ArrayList<>();
        // 23:30 and 00:30 UTC on Nov 1: both fall on Nov 2 in Shanghai (UTC+8) -> one day
        readings.add(new TrendAnalysis.Reading(Instant.parse("2026-11-01T16:30:00Z"), BigDecimal.valueOf(120),
                BigDecimal.valueOf(80), Measurement.bloodPressure(120, 80)));
        readings.add(new TrendAnalysis.Reading(Instant.parse("2026-11-01T23:30:00Z"), BigDecimal.valueOf(130),
                BigDecimal.valueOf(84), Measurement.bloodPressure(130, 84)));
        TrendView view = TrendAnalysis.analyse(MeasurementType.blood_pressure, readings, LocalDate.of(2026, 10, 10),
                LocalDate.of(2026, 11, 8), SHANGHAI);
        assertEquals("daily", view.granularity());
        assertEquals(1, view.dataPoints().size());
        TrendView.Point day = view.dataPoints().get(0);
        assertEquals(LocalDate.of(2026, 11, 2), day.date());
        assertEquals(new BigDecimal("125.00"), day.value());
        assertEquals(2, day.count());
        assertEquals(new BigDecimal("82.00"), day.diastolic());
    }

    @Test
    void dailyRollupsGiveTheSameStatisticsAsTheReadings() {
        List<TrendAnalysis.Reading> readings = systolic(118, 142, 125, 181, 130, 128, 126, 150);
        List<DailyStat> days = new ArrayList<>();
        for (TrendAnalysis.Reading r : readings) {
            DailyStat day = new DailyStat("p", MeasurementType.blood_pressure, LocalDate.ofInstant(r.at(), SHANGHAI));
            day.summarise(List.of(r));
            days.add(day);
        }
        LocalDate start = LocalDate.of(2026, 10, 10);
        LocalDate end = LocalDate.of(2026, 11, 8);
        TrendView fromReadings = TrendAnalysis.analyse(MeasurementType.blood_pressure, readings, start, end, SHANGHAI);
        TrendView fromDays = TrendAnalysis.fromDays(MeasurementType.blood_pressure, days, start, end, SHANGHAI);
        assertEquals(fromReadings.statistics(), fromDays.statistics());
        assertEquals(fromReadings.diastolic(), fromDays.diastolic());
        assertEquals(fromReadings.advice(), fromDays.advice());
        assertEquals(fromReadings.dataPoints(), fromDays.dataPoints());
        assertEquals(fromReadings.trend(), fromDays.trend());
    }

    @Test
    void noReadingsGiveAnInvitationToMeasure() {
        TrendView view = TrendAnalysis.analyse(MeasurementType.weight, List.of(), LocalDate.of(2026, 11, 1),
                LocalDate.of(2026, 11, 7), SHANGHAI);
        assertEquals(0, view.statistics().count());
        assertEquals("info", view.advice().get(0).level());
    }
}
