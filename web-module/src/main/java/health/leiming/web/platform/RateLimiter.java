package health.leiming.web.platform;

import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Token buckets per client: each client may burst up to the per-minute allowance, refilled evenly.
 * Kept per server (a fair local guard, not a shared quota). Idle buckets are dropped; when a flood of
 * distinct clients still fills the table, the least recently seen are evicted (never all of them, so a
 * flood cannot reset the buckets of the clients being limited).
 */
final class RateLimiter {

    static final int MAX_CLIENTS = 50_000;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong lastSweep = new AtomicLong();
    private final double capacity;
    private final double tokensPerNano;

    RateLimiter(int requestsPerMinute) {
        this.capacity = Math.max(1, requestsPerMinute);
        this.tokensPerNano = capacity / 60e9;
    }

    /** 0 when the request may pass, else the seconds after which the client may try again. */
    long acquire(String client, long nowNanos) {
        if (buckets.size() > MAX_CLIENTS) {
            sweep(nowNanos);
        }
        Bucket bucket = buckets.computeIfAbsent(client, c -> new Bucket(capacity, nowNanos));
        return bucket.take(nowNanos, capacity, tokensPerNano);
    }

    /**
     * Drops buckets idle for a minute (they would be full again anyway), at most once a second. If a
     * flood of distinct clients leaves the table still full, the least recently seen quarter goes.
     */
    private void sweep(long nowNanos) {
        long last = lastSweep.get();
        if (nowNanos - last < 1_000_000_000L || !lastSweep.compareAndSet(last, nowNanos)) {
            return;
        }
        buckets.entrySet().removeIf(e -> e.getValue().idleSince(nowNanos) > 60_000_000_000L);
        int excess = buckets.size() - MAX_CLIENTS * 3 / 4;
        if (buckets.size() > MAX_CLIENTS && excess > 0) {
            // Sorted on a snapshot of the idle times: buckets keep moving while this sorts, and a sort key that
            // changes under TimSort breaks its contract (IllegalArgumentException, a 500 for the request).
            buckets.entrySet().stream()
                    .map(e -> Map.entry(e.getKey(), e.getValue().idleSince(nowNanos)))
                    .toList().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                    .limit(excess).map(Map.Entry::getKey).toList()
                    .forEach(buckets::remove);
        }
    }

    int trackedClients() {
        return buckets.size();
    }

    private static final class Bucket {
        private double tokens;
        private long updated;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updated = now;
        }

        synchronized long take(long now, double capacity, double tokensPerNano) {
            tokens = Math.min(capacity, tokens + (now - updated) * tokensPerNano);
            updated = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - tokens) / tokensPerNano / 1e9));
        }

        synchronized long idleSince(long now) {
            return now - updated;
        }
    }
}
