package health.leiming.member;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SmsCodeTest {

    private static final Instant SENT = Instant.parse("2026-11-29T02:00:00Z");
    private static final Duration TTL = Duration.ofMinutes(5);

    private SmsCode code() {
        return SmsCode.issue("phone-blind-index", SmsScene.login, "right-hash", SENT, TTL);
    }

    @Test
    void theRightCodeWithinItsLifetimeIsAcceptedOnce() {
        SmsCode code = code();
        assertEquals(SmsCode.Check.ACCEPTED, code.check("right-hash", SENT.plusSeconds(299), 5));
        assertEquals(SmsCode.Status.used, code.status());
        assertEquals(SmsCode.Check.NOT_USABLE, code.check("right-hash", SENT.plusSeconds(300), 5));
    }

    @Test
    void aCodeExpiresAtTheEndOfItsLifetime() {
        assertEquals(SmsCode.Check.EXPIRED, code().check("right-hash", SENT.plus(TTL), 5));
    }

    @Test
    void wrongCodesCountAndTheFifthBurnsTheCode() {
        SmsCode code = code();
        for (int i = 1; i <= 4; i++) {
            assertEquals(SmsCode.Check.WRONG, code.check("wrong", SENT.plusSeconds(i), 5));
            assertEquals(i, code.attempts());
        }
        assertEquals(SmsCode.Check.BURNED, code.check("wrong", SENT.plusSeconds(5), 5));
        assertEquals(SmsCode.Check.NOT_USABLE, code.check("right-hash", SENT.plusSeconds(6), 5),
                "a burned code stays unusable even with the right digits");
    }

    @Test
    void aSupersededCodeNoLongerWorks() {
        SmsCode code = code();
        code.supersede();
        assertEquals(SmsCode.Check.NOT_USABLE, code.check("right-hash", SENT.plusSeconds(1), 5));
    }
}
