package health.leiming.order;

import java.math.BigDecimal;
import java.time.Instant;

/** The answer to a booking (seed 5.3.3), with the time by which it must be paid. */
public record BookingView(String appointmentId, String orderId, String orderNo, String status, Instant scheduledTime,
        BigDecimal amount, Instant payBefore) {
}
