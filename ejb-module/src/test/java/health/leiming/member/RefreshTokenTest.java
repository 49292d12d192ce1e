package health.leiming.member;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RefreshTokenTest {

    private static final Instant T0 = Instant.parse("2026-11-29T02:00:00Z");

    @Test
    void rotationUsesUpTheTokenAndKeepsTheFamily() {
        RefreshToken first = RefreshToken.issue("member-1", "h1", T0, Duration.ofDays(30), Duration.ofDays(90));
        RefreshToken second = first.rotate("h2", T0.plusSeconds(10), Duration.ofDays(30));
        assertTrue(first.wasUsed());
        assertFalse(first.isActive(T0.plusSeconds(11)));
        assertTrue(second.isActive(T0.plusSeconds(11)));
        assertEquals(first.familyId(), second.familyId());
        assertEquals("member-1", second.memberId());
    }

    @Test
    void aTokenExpires() {
        RefreshToken token = RefreshToken.issue("member-1", "h1", T0, Duration.ofDays(30), Duration.ofDays(90));
        assertTrue(token.isActive(T0.plus(Duration.ofDays(30)).minusSeconds(1)));
        assertFalse(token.isActive(T0.plus(Duration.ofDays(30))));
    }

    @Test
    void aLoginEndsAfterItsAbsoluteLifetimeHoweverOftenItIsRefreshed() {
        RefreshToken token = RefreshToken.issue("member-1", "h0", T0, Duration.ofDays(30), Duration.ofDays(90));
        Instant now = T0;
        for (int i = 1; i <= 4; i++) { // refreshed every 25 days
            now = now.plus(Duration.ofDays(25));
            token = token.rotate("h" + i, now, Duration.ofDays(30));
        }
        assertTrue(token.isActive(T0.plus(Duration.ofDays(90)).minusSeconds(1)), "day 100 would be the token's own end");
        assertFalse(token.isActive(T0.plus(Duration.ofDays(90))), "but the login ends on day 90");
    }
}
