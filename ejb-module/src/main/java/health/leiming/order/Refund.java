package health.leiming.order;

import health.leiming.platform.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The refund of an order: requested in the transaction that decided it, submitted to WeChat Pay after
 * that commits (and again by the sweep until WeChat Pay has it), succeeded when its notification says so.
 */
@Entity
@Table(name = "refunds")
public class Refund {

    public enum Status { requested, submitted, succeeded, failed }

    @Id
    private String id;

    @Column(name = "order_id", nullable = false)
    private String orderId;

    @Column(name = "out_refund_no", nullable = false)
    private String outRefundNo;

    @Column(nullable = false)
    private BigDecimal amount;

    @Column(nullable = false)
    private BigDecimal total;

    private String reason;

    @Column(nullable = false)
    private String status;

    @Column(name = "refund_id")
    private String refundId;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    @Column(name = "succeeded_at")
    private Instant succeededAt;

    /** The status WeChat Pay answered when last asked (SUCCESS, PROCESSING, CLOSED, ABNORMAL), or UNREACHABLE. */
    @Column(name = "wechat_state")
    private String wechatState;

    @Column(name = "checked_at")
    private Instant checkedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Refund() {
    }

    Refund(Order order, BigDecimal amount, String reason, Instant now) {
        this.id = Ids.newId();
        this.orderId = order.id();
        this.outRefundNo = "RF" + order.orderNo();
        this.amount = amount;
        this.total = order.amount();
        this.reason = reason;
        this.status = Status.requested.name();
        this.createdAt = now;
        this.updatedAt = now;
    }

    void submitted(String refundId, Instant now) {
        if (Status.requested.name().equals(status)) {
            status = Status.submitted.name();
        }
        this.refundId = refundId;
        this.submittedAt = now;
        this.updatedAt = now;
    }

    void attempted(Instant now) {
        attempts++;
        updatedAt = now;
    }

    /** True the first time: a repeated notification changes nothing. */
    boolean succeeded(Instant now) {
        if (Status.succeeded.name().equals(status)) {
            return false;
        }
        status = Status.succeeded.name();
        succeededAt = now;
        updatedAt = now;
        return true;
    }

    void checked(String state, Instant now) {
        wechatState = state;
        checkedAt = now;
        updatedAt = now;
    }

    /** WeChat Pay ended the refund without paying it (CLOSED, ABNORMAL): a person must act. True the first time. */
    boolean failed(String state, Instant now) {
        checked(state, now);
        if (Status.failed.name().equals(status) || Status.succeeded.name().equals(status)) {
            return false;
        }
        status = Status.failed.name();
        return true;
    }

    public String id() {
        return id;
    }

    String orderId() {
        return orderId;
    }

    String outRefundNo() {
        return outRefundNo;
    }

    Instant submittedAt() {
        return submittedAt;
    }

    BigDecimal amount() {
        return amount;
    }

    BigDecimal total() {
        return total;
    }

    String reason() {
        return reason;
    }

    Status status() {
        return Status.valueOf(status);
    }

    public RefundView view() {
        return new RefundView(outRefundNo, amount, status, createdAt, succeededAt);
    }

    public record RefundView(String refundNo, BigDecimal amount, String status, Instant requestedAt,
            Instant succeededAt) {
    }
}
