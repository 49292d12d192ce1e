package health.leiming.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import health.leiming.member.FamilyService;
import health.leiming.platform.BusinessException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportPeriodTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void aWeekRunsMondayToSundayInTheBusinessZone() {
        ReportPeriod week = ReportPeriod.of("week", LocalDate.parse("2026-11-26"), SHANGHAI);
        assertEquals(LocalDate.parse("2026-11-23"), week.start());
        assertEquals(LocalDate.parse("2026-11-29"), week.end());
        assertEquals(Instant.parse("2026-11-22T16:00:00Z"), week.from());
        assertEquals(Instant.parse("2026-11-29T16:00:00Z"), week.until());
        assertEquals(7, week.days());
    }

    @Test
    void theLastFinishedPeriodIsTheOneBeforeToday() {
        assertEquals(LocalDate.parse("2026-11-23"),
                ReportPeriod.lastBefore("week", LocalDate.parse("2026-11-30"), SHANGHAI).start());
        ReportPeriod october = ReportPeriod.lastBefore("month", LocalDate.parse("2026-11-01"), SHANGHAI);
        assertEquals(LocalDate.parse("2026-10-01"), october.start());
        assertEquals(LocalDate.parse("2026-10-31"), october.end());
        assertEquals(29, ReportPeriod.of("month", LocalDate.parse("2028-02-10"), SHANGHAI).days());
        assertThrows(BusinessException.class, () -> ReportPeriod.of("year", LocalDate.now(), SHANGHAI));
    }

    private static StoredReading bp(int n, int systolic, int diastolic) {
        return new StoredReading("p1", "r" + n, MeasurementType.blood_pressure, BigDecimal.valueOf(systolic),
                BigDecimal.valueOf(diastolic), null, null, Instant.parse("2026-11-23T00:00:00Z").plusSeconds(3600L * n));
    }

    @Test
    void levelSharesAndRisksFollowTheClassification() {
        ReportTally tally = new ReportTally(new FamilyService.PersonRef("p1", "m1", "王芳"), null,
                ReportPeriod.of("week", LocalDate.parse("2026-11-26"), SHANGHAI));
        List.of(bp(1, 118, 76), bp(2, 125, 82), bp(3, 135, 85), bp(4, 145, 92), bp(5, 185, 112)).forEach(tally::add);
        ReportView.Metric metric = tally.draft().view().metrics().get(0);
        List<ReportView.LevelShare> levels = metric.levels();
        assertEquals(4, levels.size());
        assertEquals("high_normal", levels.get(0).level(), "125/82 and 135/85 (2018 guideline: 120-139/80-89)");
        assertEquals(2, levels.get(0).count());
        assertEquals(new BigDecimal("0.4000"), levels.get(0).share());
        List<ReportView.Risk> risks = tally.draft().view().risks();
        assertEquals(List.of("5次血压记录中有2次达到1级高血压或以上", "5次血压记录中有2次为正常高值",
                "5次血压记录中有1次达到危险水平，请尽快就医"), risks.stream().map(ReportView.Risk::text).toList());
    }
}
