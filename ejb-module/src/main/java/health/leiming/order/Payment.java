package health.leiming.order;

import health.leiming.platform.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/** The WeChat Pay payment of an order: its prepay id while open, its transaction once paid. */
@Entity
@Table(name = "payments")
public class Payment {

    /** A JSAPI prepay id is valid for two hours; a little less, to be safe. */
    static final Duration PREPAY_VALID = Duration.ofMinutes(110);

    @Id
    private String id;

    @Column(name = "order_id", nullable = false)
    private String orderId;

    @Column(name = "out_trade_no", nullable = false)
    private String outTradeNo;

    @Column(nullable = false)
    private BigDecimal amount;

    @Column(nullable = false)
    private String status;

    @Column(name = "prepay_id")
    private String prepayId;

    @Column(name = "prepaid_at")
    private Instant prepaidAt;

    @Column(name = "transaction_id")
    private String transactionId;

    @Column(name = "paid_at")
    private Instant paidAt;

    /**
     * The trade_state WeChat Pay answered when last asked (SUCCESS, NOTPAY, CLOSED, USERPAYING...), or
     * UNREACHABLE; written by PaymentRecords' update statements, as are checkedAt and closedAt.
     */
    @Column(name = "wechat_state")
    private String wechatState;

    @Column(name = "checked_at")
    private Instant checkedAt;

    /** When WeChat Pay closed the transaction for us: it can no longer be paid. */
    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Payment() {
    }

    Payment(Order order, Instant now) {
        this.id = Ids.newId();
        this.orderId = order.id();
        this.outTradeNo = order.orderNo();
        this.amount = order.amount();
        this.status = "created";
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** The prepay id still usable at {@code now}, or null. */
    String usablePrepayId(Instant now) {
        return prepayId != null && prepaidAt.plus(PREPAY_VALID).isAfter(now) ? prepayId : null;
    }

    void prepaid(String prepayId, Instant now) {
        this.prepayId = prepayId;
        this.prepaidAt = now;
        this.updatedAt = now;
    }

    void paid(String transactionId, Instant now) {
        this.status = "paid";
        this.transactionId = transactionId;
        this.paidAt = now;
        this.updatedAt = now;
    }

    String outTradeNo() {
        return outTradeNo;
    }

    BigDecimal amount() {
        return amount;
    }

    boolean isPaid() {
        return "paid".equals(status);
    }

    Instant paidAt() {
        return paidAt;
    }

    String transactionId() {
        return transactionId;
    }

    OrderPersonalData.PaymentView exportView() {
        return new OrderPersonalData.PaymentView(orderId, outTradeNo, transactionId, amount, status, createdAt, paidAt);
    }
}
