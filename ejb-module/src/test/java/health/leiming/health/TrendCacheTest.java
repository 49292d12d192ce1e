package health.leiming.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TrendCacheTest {

    private static final LocalDate FIRST = LocalDate.of(2026, 1, 1);
    private static final LocalDate LAST = LocalDate.of(2026, 12, 31);

    private final TrendCache cache = new TrendCache();
    private final AtomicInteger computed = new AtomicInteger();

    private TrendView compute() {
        computed.incrementAndGet();
        return new TrendView("weight", "kg", FIRST, LAST, null, null, "stable", "daily", List.of(), List.of());
    }

    @Test
    void theSameVersionIsComputedOnce() {
        TrendCache.Key key = new TrendCache.Key("p1", 3, MeasurementType.weight, FIRST, LAST);
        TrendView first = cache.get(key, this::compute);
        assertSame(first, cache.get(key, this::compute));
        assertEquals(1, computed.get());
    }

    @Test
    void aNewVersionOrAnotherPersonOrPeriodIsComputedAgain() {
        cache.get(new TrendCache.Key("p1", 3, MeasurementType.weight, FIRST, LAST), this::compute);
        cache.get(new TrendCache.Key("p1", 4, MeasurementType.weight, FIRST, LAST), this::compute);
        cache.get(new TrendCache.Key("p2", 3, MeasurementType.weight, FIRST, LAST), this::compute);
        cache.get(new TrendCache.Key("p1", 4, MeasurementType.weight, FIRST.plusDays(1), LAST), this::compute);
        cache.get(new TrendCache.Key("p1", 4, MeasurementType.heart_rate, FIRST, LAST), this::compute);
        assertEquals(5, computed.get());
    }

    @Test
    void theCacheIsBoundedAndKeepsWhatIsReadOften() {
        TrendCache.Key often = new TrendCache.Key("often", 1, MeasurementType.weight, FIRST, LAST);
        cache.get(often, this::compute);
        for (int i = 0; i < TrendCache.MAX_ENTRIES * 2; i++) {
            cache.get(new TrendCache.Key("p" + i, 1, MeasurementType.weight, FIRST, LAST), this::compute);
            cache.get(often, this::compute);
        }
        assertEquals(TrendCache.MAX_ENTRIES, cache.size());
        assertEquals(TrendCache.MAX_ENTRIES * 2 + 1, computed.get(), "the entry read often was never evicted");
    }
}
