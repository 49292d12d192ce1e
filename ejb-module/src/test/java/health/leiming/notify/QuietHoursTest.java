package health.leiming.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import health.leiming.platform.BusinessException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class QuietHoursTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private final QuietHours overnight = QuietHours.parse("22:00", "07:00");

    private static Instant at(int day, int hour, int minute) {
        return ZonedDateTime.of(2026, 12, day, hour, minute, 0, 0, SHANGHAI).toInstant();
    }

    @Test
    void aPushBeforeTheWindowGoesAtOnce() {
        assertEquals(at(1, 21, 59), overnight.deferUntil(at(1, 21, 59), SHANGHAI));
    }

    @Test
    void aPushAtTheStartWaitsUntilTheNextMorning() {
        assertEquals(at(2, 7, 0), overnight.deferUntil(at(1, 22, 0), SHANGHAI));
    }

    @Test
    void aPushAfterMidnightWaitsUntilThatMorning() {
        assertEquals(at(2, 7, 0), overnight.deferUntil(at(2, 3, 15), SHANGHAI));
    }

    @Test
    void theEndItselfIsNoLongerQuiet() {
        assertEquals(at(2, 7, 0), overnight.deferUntil(at(2, 7, 0), SHANGHAI));
    }

    @Test
    void aDaytimeWindowWorksToo() {
        QuietHours nap = QuietHours.parse("12:30", "14:00");
        assertEquals(at(1, 14, 0), nap.deferUntil(at(1, 12, 30), SHANGHAI));
        assertEquals(at(1, 14, 1), nap.deferUntil(at(1, 14, 1), SHANGHAI));
        assertEquals(at(1, 12, 29), nap.deferUntil(at(1, 12, 29), SHANGHAI));
    }

    @Test
    void anEmptyOrMalformedWindowIsRefused() {
        assertEquals("QUIET_HOURS_INVALID",
                assertThrows(BusinessException.class, () -> QuietHours.parse("22:00", "22:00")).code());
        assertEquals("QUIET_HOURS_INVALID",
                assertThrows(BusinessException.class, () -> QuietHours.parse("25:00", "07:00")).code());
        assertEquals("QUIET_HOURS_INVALID",
                assertThrows(BusinessException.class, () -> QuietHours.parse(null, "07:00")).code());
    }
}
