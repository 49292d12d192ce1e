package health.leiming.care;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Average ratings as shown to members: one decimal, none without ratings. */
final class Ratings {

    private Ratings() {
    }

    static BigDecimal average(long sum, long count) {
        return count == 0 ? null : BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(count), 1, RoundingMode.HALF_UP);
    }
}
