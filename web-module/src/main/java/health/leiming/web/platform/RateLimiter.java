package health.leiming.web.platform;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets per client: each client may burst up to the per-minute allowance, refilled evenly.
 * Kept per server (a fair local guard, not a shared quota); idle buckets are dropped.
 */
final class RateLimiter {

    private static final int MAX_CLIENTS = 50_000;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final double capacity;
    private final double tokensPerNano;

    RateLimiter(int requestsPerMinute) {
        this.capacity = requestsPerMinute;
        this.tokensPerNano = requestsPerMinute / 60e9;
    }

    /** 0 when the request may pass, else the seconds after which the client may try again. */
    long acquire(String client, long nowNanos) {
        if (buckets.size() > MAX_CLIENTS) {
            buckets.entrySet().removeIf(e -> e.getValue().idleSince(nowNanos) > 60_000_000_000L);
        }
        Bucket bucket = buckets.computeIfAbsent(client, c -> new Bucket(capacity, nowNanos));
        return bucket.take(nowNanos, capacity, tokensPerNano);
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
