package health.leiming.member;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.leiming.platform.BusinessException;
import health.leiming.platform.ErrorKind;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SmsThrottleTest {

    private static final String PHONE = "phone-blind-index";
    private static final Instant T0 = Instant.parse("2026-11-29T02:00:00Z");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 29);
    private static final Instant TOMORROW = Instant.parse("2026-11-29T16:00:00Z");
    private static final Duration INTERVAL = Duration.ofSeconds(60);

    @Test
    void aSecondSendWithinTheIntervalIsRefusedWithTheWaitingTime() {
        SmsThrottle throttle = SmsThrottle.firstSend(PHONE, T0, DAY);
        BusinessException refused = assertThrows(BusinessException.class,
                () -> throttle.recordSend(T0.plusSeconds(20), DAY, INTERVAL, 10, TOMORROW));
        assertEquals(ErrorKind.TOO_MANY_REQUESTS, refused.kind());
        assertEquals("SMS_TOO_FREQUENT", refused.code());
        assertTrue(refused.retryAfterSeconds() >= 40 && refused.retryAfterSeconds() <= 41);
        assertDoesNotThrow(() -> throttle.recordSend(T0.plusSeconds(60), DAY, INTERVAL, 10, TOMORROW));
    }

    @Test
    void theDailyLimitHoldsUntilTheNextBusinessDay() {
        SmsThrottle throttle = SmsThrottle.firstSend(PHONE, T0, DAY);
        Instant t = T0;
        for (int sent = 1; sent < 10; sent++) {
            t = t.plusSeconds(61);
            Instant at = t;
            assertDoesNotThrow(() -> throttle.recordSend(at, DAY, INTERVAL, 10, TOMORROW));
        }
        Instant eleventh = t.plusSeconds(61);
        BusinessException refused = assertThrows(BusinessException.class,
                () -> throttle.recordSend(eleventh, DAY, INTERVAL, 10, TOMORROW));
        assertEquals("SMS_DAILY_LIMIT", refused.code());
        assertEquals(Duration.between(eleventh, TOMORROW).toSeconds(), refused.retryAfterSeconds());

        assertDoesNotThrow(() -> throttle.recordSend(TOMORROW.plusSeconds(1), DAY.plusDays(1), INTERVAL, 10,
                TOMORROW.plus(Duration.ofDays(1))));
    }
}
