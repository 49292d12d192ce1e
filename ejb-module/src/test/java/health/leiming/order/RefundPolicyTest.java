package health.leiming.order;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RefundPolicyTest {

    private static final Instant START = Instant.parse("2026-12-01T01:00:00Z");
    private static final BigDecimal PAID = new BigDecimal("299.00");
    private final RefundPolicy policy = new RefundPolicy(Duration.ofHours(24), 50);

    @Test
    void everythingComesBackUntilADayBefore() {
        assertEquals(new BigDecimal("299.00"), policy.refundFor(PAID, START, START.minus(Duration.ofDays(3))));
        assertEquals(new BigDecimal("299.00"), policy.refundFor(PAID, START, START.minus(Duration.ofHours(24))));
    }

    @Test
    void halfComesBackInTheLastDayRoundedDownToTheFen() {
        assertEquals(new BigDecimal("149.50"), policy.refundFor(PAID, START,
                START.minus(Duration.ofHours(24)).plusSeconds(1)));
        assertEquals(new BigDecimal("0.49"), policy.refundFor(new BigDecimal("0.99"), START, START.minusSeconds(1)));
    }

    @Test
    void nothingComesBackFromTheStart() {
        assertEquals(new BigDecimal("0.00"), policy.refundFor(PAID, START, START));
        assertEquals(new BigDecimal("0.00"), policy.refundFor(PAID, START, START.plusSeconds(60)));
    }
}
