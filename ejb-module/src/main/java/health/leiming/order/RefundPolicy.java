package health.leiming.order;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How much of a paid order comes back when it is cancelled: all of it until {@code fullRefundBefore}
 * the appointment, {@code latePercent} per cent after that until the start, nothing once the
 * service has started (it can no longer be cancelled then).
 */
@ApplicationScoped
public class RefundPolicy {

    @Inject
    @ConfigProperty(name = "leiming.refund.full-before", defaultValue = "PT24H")
    Duration fullRefundBefore;

    @Inject
    @ConfigProperty(name = "leiming.refund.late-percent", defaultValue = "50")
    int latePercent;

    public RefundPolicy() {
    }

    RefundPolicy(Duration fullRefundBefore, int latePercent) {
        this.fullRefundBefore = fullRefundBefore;
        this.latePercent = latePercent;
    }

    public BigDecimal refundFor(BigDecimal paid, Instant appointmentStart, Instant cancelledAt) {
        if (!cancelledAt.isBefore(appointmentStart)) {
            return BigDecimal.ZERO.setScale(2);
        }
        if (!cancelledAt.isAfter(appointmentStart.minus(fullRefundBefore))) {
            return paid.setScale(2, RoundingMode.UNNECESSARY);
        }
        return paid.multiply(BigDecimal.valueOf(latePercent)).divide(BigDecimal.valueOf(100), 2, RoundingMode.DOWN);
    }
}
