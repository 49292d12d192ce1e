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
        assertTrue(limiter.trackedClients() <= RateLimiter.MAX_CLIENTS + 50_000, "evicted, not 120k entries");
    }

    @Test
    void aFloodOfNewClientsDoesNotResetTheClientBeingLimited() {
        RateLimiter limiter = new RateLimiter(10);
        for (int i = 0; i < 10; i++) {
            assertEquals(0, limiter.acquire("attacker", 0));
        }
        long now = 0;
        for (int i = 0; i < 3 * RateLimiter.MAX_CLIENTS; i++) {
            now += 10_000L; // 150k new clients within 1.5 s
            limiter.acquire("spoofed-" + i, now);
            if (i % 1000 == 0) {
                assertTrue(limiter.acquire("attacker", now) > 0, "still limited after " + i + " new clients");
            }
        }
    }

    /**
     * Eviction while other requests move the buckets it sorts: found by the benchmark as a 500
     * ("Comparison method violates its general contract!") when over 50,000 clients were tracked.
     */
    @Test
    void evictionWhileClientsKeepComingFailsNoRequest() throws Exception {
        RateLimiter limiter = new RateLimiter(1_000_000);
        java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
        long until = System.nanoTime() + 3 * SECOND;
        java.util.List<Thread> threads = new java.util.ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
                try {
                    while (System.nanoTime() < until) {
                        limiter.acquire("client-" + random.nextInt(70_000), System.nanoTime());
                    }
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(null, failure.get());
        assertTrue(limiter.trackedClients() <= 70_000);
    }
}
