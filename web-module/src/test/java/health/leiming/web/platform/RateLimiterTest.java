package health.leiming.web.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aClientMayBurstItsAllowanceThenWaits() {
        RateLimiter limiter = new RateLimiter(60);
        for (int i = 0; i < 60; i++) {
            assertEquals(0, limiter.acquire("10.0.0.1", 0));
        }
        assertEquals(1, limiter.acquire("10.0.0.1", 0), "one request a second comes back");
        assertEquals(0, limiter.acquire("10.0.0.2", 0), "other clients are not affected");
        assertEquals(0, limiter.acquire("10.0.0.1", SECOND));
    }

    @Test
    void retryAfterTellsHowLongUntilTheNextRequestIsAllowed() {
        RateLimiter limiter = new RateLimiter(6);
        for (int i = 0; i < 6; i++) {
            limiter.acquire("c", 0);
        }
        assertEquals(10, limiter.acquire("c", 0));
    }

    @Test
    void aFloodOfDistinctClientsDoesNotGrowTheTableWithoutBound() {
        RateLimiter limiter = new RateLimiter(60);
        for (int i = 0; i < 120_000; i++) {
            limiter.acquire("client-" + i, i * 20_000L); // 120k clients within 2.4 s
        }
        assertTrue(limiter.trackedClients() <= 50_001 + 50_000, "swept or reset, not 120k entries");
    }
}
