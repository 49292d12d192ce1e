package health.leiming.platform;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Answers kept for a while per key, so that a check made on every request does not read the database
 * every time: an answer older than the time to live is loaded again. Bounded: when full, it starts
 * over (the answers are cheap to load again, and a full map means a burst of new keys).
 */
public final class ExpiringMap<K, V> {

    private record Entry<V>(V value, long until) {
    }

    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final long ttlNanos;
    private final int maxEntries;

    public ExpiringMap(Duration ttl, int maxEntries) {
        this.ttlNanos = ttl.toNanos();
        this.maxEntries = maxEntries;
    }

    /** The answer for the key, loaded when there is none or it has expired. */
    public V get(K key, Function<? super K, ? extends V> load) {
        long now = System.nanoTime();
        Entry<V> entry = entries.get(key);
        if (entry == null || entry.until() - now <= 0) {
            entry = new Entry<>(load.apply(key), now + ttlNanos);
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
            entries.put(key, entry);
        }
        return entry.value();
    }

    public void forget(K key) {
        entries.remove(key);
    }

    public void forgetIf(Predicate<? super K> which) {
        entries.keySet().removeIf(which);
    }
}
