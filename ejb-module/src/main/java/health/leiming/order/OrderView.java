package health.leiming.order;

import java.math.BigDecimal;
import java.time.Instant;

/** An order as its member (and staff and admins) see it; the contact phone masked. */
public record OrderView(String id, String orderNo, String status, String statusLabel, BigDecimal amount,
        BigDecimal refundAmount, String personId, ServiceInfo service, Contact contact, Instant createdAt,
        Instant paidAt, Instant completedAt, Instant cancelledAt, String cancelReason) {

    public record ServiceInfo(String id, String name, String category) {
    }

    public record Contact(String name, String phone) {
    }
}
