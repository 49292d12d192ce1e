package health.leiming.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Computed trends, kept by person, the person's version, type and period. Every change of a
 * person's health data moves the person's version on (in the database, under the person's row
 * lock), so an entry is never served after a change, on this server or another: a new version is a
 * new key, and entries of old versions age out. A trend is computed from committed data only, so
 * two requests racing past a miss compute the same answer.
 */
@ApplicationScoped
public class TrendCache {

    /** A year of daily points is some 50 kB; this keeps the cache under about 25 MB at worst. */
    static final int MAX_ENTRIES = 512;

    record Key(String personId, long version, MeasurementType type, LocalDate first, LocalDate last) {
    }

    private final Map<Key, TrendView> entries = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, TrendView> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    TrendView get(Key key, Supplier<TrendView> compute) {
        synchronized (entries) {
            TrendView cached = entries.get(key);
            if (cached != null) {
                return cached;
            }
        }
        TrendView computed = compute.get(); // outside the lock: a slow database must not stall other people
        synchronized (entries) {
            entries.put(key, computed);
        }
        return computed;
    }

    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }
}
