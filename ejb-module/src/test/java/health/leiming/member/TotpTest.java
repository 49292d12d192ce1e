package health.leiming.member;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TotpTest {

    /** RFC 6238, appendix B: the SHA-1 test key and its 8-digit values, of which 6-digit codes are the tail. */
    private static final byte[] RFC_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @Test
    void theRfcTestVectorsComeOut() {
        assertEquals("287082", Totp.code(RFC_KEY, 59L / 30));
        assertEquals("081804", Totp.code(RFC_KEY, 1111111109L / 30));
        assertEquals("050471", Totp.code(RFC_KEY, 1111111111L / 30));
        assertEquals("005924", Totp.code(RFC_KEY, 1234567890L / 30));
        assertEquals("279037", Totp.code(RFC_KEY, 2000000000L / 30));
    }

    @Test
    void base32RoundTrips() {
        assertEquals("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", Totp.base32(RFC_KEY));
        assertArrayEquals(RFC_KEY, Totp.base32Decode("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"));
    }

    @Test
    void aCodeIsAcceptedOneStepEitherSideAndNeverTwice() {
        String secret = Totp.base32(RFC_KEY);
        Instant now = Instant.ofEpochSecond(1234567890L);
        long step = 1234567890L / 30;
        assertEquals(step, Totp.matches(secret, "005924", now, null).getAsLong());
        assertTrue(Totp.matches(secret, Totp.code(RFC_KEY, step - 1), now, null).isPresent(), "a step late");
        assertTrue(Totp.matches(secret, Totp.code(RFC_KEY, step + 2), now, null).isEmpty(), "two steps early");
        assertTrue(Totp.matches(secret, "005924", now, step).isEmpty(), "the same code again");
        assertTrue(Totp.matches(secret, "12345", now, null).isEmpty());
        assertTrue(Totp.matches(secret, null, now, null).isEmpty());
    }

    @Test
    void theEnrolmentUriIsWhatAuthenticatorAppsRead() {
        assertEquals("otpauth://totp/%E9%9B%B7%E9%B8%A3%E5%81%A5%E5%BA%B7:ops-li?secret=ABC&issuer=%E9%9B%B7%E9%B8%A3"
                + "%E5%81%A5%E5%BA%B7&algorithm=SHA1&digits=6&period=30", Totp.uri("雷鸣健康", "ops-li", "ABC"));
    }
}
