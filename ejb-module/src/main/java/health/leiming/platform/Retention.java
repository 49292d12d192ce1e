package health.leiming.platform;

import java.time.Instant;
import java.util.Map;

/**
 * What a context deletes once it has served its purpose (PIPL art. 19: kept no longer than needed).
 * Implemented as session beans by the contexts that own such data, each period from configuration;
 * the nightly retention job asks each in turn until nothing is left.
 */
public interface Retention {

    /**
     * Deletes, in a transaction of its own, up to {@code max} rows of each kind that are past their
     * period at {@code now}; answers how many of each kind (a kind at {@code max} may have more).
     */
    Map<String, Integer> purge(Instant now, int max);
}
