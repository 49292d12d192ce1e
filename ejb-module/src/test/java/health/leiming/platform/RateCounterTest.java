package health.leiming.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateCounterTest {

    private static final Instant T0 = Instant.parse("2026-11-30T08:00:00Z");

    @Test
    void aWindowTakesItsLimitThenSaysHowLongToWait() {
        RateCounter counter = RateCounter.first("sms-address:10.0.0.1", T0);
        Duration hour = Duration.ofHours(1);
        for (int i = 1; i < 3; i++) {
            assertEquals(0, counter.hit(T0.plusSeconds(i), hour, 3));
        }
        assertEquals(3600 - 10 + 1, counter.hit(T0.plusSeconds(10), hour, 3));
        assertEquals(0, counter.hit(T0.plus(hour), hour, 3), "a new window starts");
    }
}
