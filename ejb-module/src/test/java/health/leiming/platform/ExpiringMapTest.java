package health.leiming.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ExpiringMapTest {

    @Test
    void keepsAnAnswerUntilItExpiresOrIsForgotten() {
        AtomicInteger loads = new AtomicInteger();
        ExpiringMap<String, Integer> map = new ExpiringMap<>(Duration.ofHours(1), 10);
        assertEquals(1, map.get("a", key -> loads.incrementAndGet()));
        assertEquals(1, map.get("a", key -> loads.incrementAndGet()), "kept");
        map.forget("a");
        assertEquals(2, map.get("a", key -> loads.incrementAndGet()), "loaded again once forgotten");
        map.get("b:x", key -> loads.incrementAndGet());
        map.forgetIf(key -> key.endsWith(":x"));
        assertEquals(4, map.get("b:x", key -> loads.incrementAndGet()));
        assertEquals(2, map.get("a", key -> loads.incrementAndGet()), "the others stay");
    }

    @Test
    void anExpiredAnswerIsLoadedAgainAndAFullMapStartsOver() {
        AtomicInteger loads = new AtomicInteger();
        ExpiringMap<String, Integer> expiring = new ExpiringMap<>(Duration.ZERO, 10);
        expiring.get("a", key -> loads.incrementAndGet());
        assertEquals(2, expiring.get("a", key -> loads.incrementAndGet()));
        ExpiringMap<Integer, Integer> small = new ExpiringMap<>(Duration.ofHours(1), 2);
        small.get(1, key -> loads.incrementAndGet());
        small.get(2, key -> loads.incrementAndGet());
        small.get(3, key -> loads.incrementAndGet()); // full: starts over with 3
        int before = loads.get();
        small.get(1, key -> loads.incrementAndGet());
        assertEquals(before + 1, loads.get(), "1 was dropped when the map was full");
    }
}
