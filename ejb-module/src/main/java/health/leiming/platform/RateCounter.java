package health.leiming.platform;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;

/**
 * How often something happened for one key (a client address, a phone, a person) in the current
 * window; the window starts with its first hit. One row per key, locked while a hit is decided.
 */
@Entity
@Table(name = "rate_counters")
public class RateCounter {

    @Id
    @Column(name = "counter_key")
    private String key;

    @Column(name = "window_start", nullable = false)
    private Instant windowStart;

    @Column(nullable = false)
    private int hits;

    @Version
    private long version;

    protected RateCounter() {
    }

    static RateCounter first(String key, Instant now) {
        RateCounter counter = new RateCounter();
        counter.key = key;
        counter.windowStart = now;
        counter.hits = 1;
        return counter;
    }

    int hitsWithin(Instant now, Duration window) {
        return now.isBefore(windowStart.plus(window)) ? hits : 0;
    }

    /** Counts one more hit, or answers how many seconds until the window has room again (0: counted). */
    long hit(Instant now, Duration window, int limit) {
        if (!now.isBefore(windowStart.plus(window))) {
            windowStart = now;
            hits = 0;
        }
        if (hits >= limit) {
            return Math.max(1, Duration.between(now, windowStart.plus(window)).toSeconds() + 1);
        }
        hits++;
        return 0;
    }
}
