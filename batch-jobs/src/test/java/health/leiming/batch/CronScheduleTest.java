package health.leiming.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class CronScheduleTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static ZonedDateTime at(int month, int day, int hour, int minute) {
        return ZonedDateTime.of(2026, month, day, hour, minute, 0, 0, SHANGHAI);
    }

    @Test
    void everyFifteenMinutes() {
        CronSchedule cron = CronSchedule.parse("*/15 * * * *");
        assertEquals(at(11, 30, 10, 15), cron.latestAtOrBefore(at(11, 30, 10, 29)));
        assertEquals(at(11, 30, 10, 30), cron.latestAtOrBefore(at(11, 30, 10, 30)));
        assertEquals(at(11, 30, 9, 45), cron.latestAtOrBefore(at(11, 30, 9, 59).plusSeconds(59)));
    }

    @Test
    void weeklyOnMondayAtTwo() {
        CronSchedule cron = CronSchedule.parse("0 2 * * 1");
        // 2026-11-30 is a Monday
        assertEquals(at(11, 30, 2, 0), cron.latestAtOrBefore(at(11, 30, 2, 0)));
        assertEquals(at(11, 23, 2, 0), cron.latestAtOrBefore(at(11, 30, 1, 59)));
        assertEquals(at(11, 30, 2, 0), cron.latestAtOrBefore(at(12, 6, 23, 0)));
    }

    @Test
    void monthlyAndSundayAsSevenOrZero() {
        assertEquals(at(11, 1, 2, 30), CronSchedule.parse("30 2 1 * *").latestAtOrBefore(at(11, 30, 12, 0)));
        // 2026-11-29 is a Sunday
        assertEquals(at(11, 29, 8, 0), CronSchedule.parse("0 8 * * 7").latestAtOrBefore(at(11, 30, 7, 0)));
        assertEquals(at(11, 29, 8, 0), CronSchedule.parse("0 8 * * 0").latestAtOrBefore(at(11, 30, 7, 0)));
    }

    @Test
    void listsAndRanges() {
        CronSchedule cron = CronSchedule.parse("0,30 8-10 * * 1-5");
        assertEquals(at(11, 27, 10, 30), cron.latestAtOrBefore(at(11, 29, 12, 0)), "Friday's last run before the weekend");
        assertEquals(at(11, 30, 8, 30), cron.latestAtOrBefore(at(11, 30, 8, 59)));
    }

    @Test
    void malformedSchedulesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> CronSchedule.parse("* * * *"));
        assertThrows(IllegalArgumentException.class, () -> CronSchedule.parse("60 * * * *"));
        assertThrows(IllegalArgumentException.class, () -> CronSchedule.parse("*/0 * * * *"));
        assertThrows(NumberFormatException.class, () -> CronSchedule.parse("x * * * *"));
    }

    @Test
    void partitionsCoverTheIdSpaceWithoutGapsOrOverlap() {
        assertEquals("", PersonPartitionMapper.bound(0, 4));
        assertEquals("4", PersonPartitionMapper.bound(1, 4));
        assertEquals("8", PersonPartitionMapper.bound(2, 4));
        assertEquals("c", PersonPartitionMapper.bound(3, 4));
        assertEquals("g", PersonPartitionMapper.bound(4, 4));
        assertEquals("g", PersonPartitionMapper.bound(1, 1));
        assertEquals("5", PersonPartitionMapper.bound(1, 3));
    }
}
