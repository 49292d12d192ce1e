package health.leiming.order;

import health.leiming.care.Booking;
import health.leiming.integration.WechatPay;
import health.leiming.member.MemberService;
import health.leiming.order.OrderEvents.OrderFacts;
import health.leiming.order.OrderEvents.OrderPaid;
import health.leiming.order.OrderEvents.OrderRefunded;
import health.leiming.platform.BusinessException;
import health.leiming.platform.ErrorKind;
import health.leiming.platform.Logs;
import health.leiming.platform.Text;
import health.leiming.platform.events.Outbox;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The transactional side of payments and refunds: what to ask WeChat Pay for, and what its answers
 * and notifications do to orders. Each method is one short transaction; WeChat Pay is called between
 * them (by {@link Payments}), never while a row is locked.
 */
@Stateless
public class PaymentRecords {

    private static final Logger LOG = Logs.get(PaymentRecords.class);

    @PersistenceContext(unitName = "leiming")
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    MemberService members;

    @Inject
    Booking booking;

    @Inject
    Event<RefundRequested> refundRequested;

    @Inject
    @ConfigProperty(name = "leiming.order.pay-within", defaultValue = "PT15M")
    Duration payWithin;

    /** Checks that the member may pay the order now and returns what WeChat Pay needs. */
    public PayIntent preparePay(String memberId, String orderId, String openidGiven) {
        Order order = orderId == null ? null : em.find(Order.class, orderId);
        if (order == null || !order.belongsTo(memberId)) {
            throw BusinessException.notFound("订单");
        }
        if (order.status() != OrderStatus.pending) {
            throw new BusinessException(ErrorKind.CONFLICT, "ORDER_NOT_PAYABLE", "订单" + order.status().label() + "，无需支付");
        }
        Instant now = Instant.now();
        Instant payBefore = order.createdAt().plus(payWithin);
        if (!payBefore.isAfter(now)) {
            throw new BusinessException(ErrorKind.CONFLICT, "ORDER_EXPIRED", "订单已超时，请重新预约");
        }
        String linked = members.contactOf(memberId).map(MemberService.MemberContact::wechatOpenid).orElse(null);
        String openid = linked != null ? linked : Text.blankToNull(openidGiven);
        if (openid == null) {
            throw new BusinessException(ErrorKind.BAD_REQUEST, "OPENID_REQUIRED", "请在微信小程序内完成支付");
        }
        Payment payment = paymentOf(order.id());
        if (payment == null) {
            payment = new Payment(order, now);
            em.persist(payment);
        }
        return new PayIntent(order.id(), order.orderNo(), order.serviceName(), order.amountFen(), openid,
                payment.usablePrepayId(now), payBefore);
    }

    public void storePrepay(String orderId, String prepayId) {
        paymentOf(orderId).prepaid(prepayId, Instant.now());
    }

    /**
     * A verified TRANSACTION notification. Marks the order paid once; the same notification again
     * changes nothing. A payment for an order cancelled meanwhile is kept and refunded in full.
     * Returns the id of a refund to submit, or null.
     */
    public String applyTransaction(JsonObject transaction, String appId) {
        if (!"SUCCESS".equals(transaction.getString("trade_state", ""))) {
            LOG.info(() -> "Payment notification for " + transaction.getString("out_trade_no", "?") + " in state "
                    + transaction.getString("trade_state", "?") + "; nothing to do");
            return null;
        }
        if (appId != null && !appId.equals(transaction.getString("appid", appId))) {
            throw new WechatPay.ForgedNotification("another app's payment");
        }
        String orderNo = transaction.getString("out_trade_no");
        String transactionId = transaction.getString("transaction_id");
        Order order = em.createQuery("select o from Order o where o.orderNo = :no", Order.class)
                .setParameter("no", orderNo).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst()
                .orElse(null);
        if (order == null) {
            LOG.severe(() -> "Paid notification for an unknown order " + orderNo + " (transaction " + transactionId + ")");
            return null;
        }
        long total = transaction.getJsonObject("amount").getJsonNumber("total").longValueExact();
        if (total != order.amountFen()) {
            throw new AmountMismatch("Order " + orderNo + " costs " + order.amountFen() + " fen but " + total + " were paid");
        }
        Instant now = Instant.now();
        Payment payment = paymentOf(order.id());
        if (payment == null) {
            payment = new Payment(order, now);
            em.persist(payment);
        }
        String paidBy = payment.transactionId();
        if (paidBy != null) {
            // The same notification again (WeChat Pay allows one successful transaction per out_trade_no).
            if (!transactionId.equals(paidBy)) {
                LOG.severe(() -> "Order " + orderNo + " paid by " + paidBy + " is notified again as " + transactionId
                        + "; not applied, an operator must check");
            }
            return null;
        }
        payment.paid(transactionId, now);
        if (order.status() == OrderStatus.pending) {
            em.persist(order.paid("wechat", transactionId, now));
            outbox.publish(new OrderPaid(facts(order)));
            return null;
        }
        // Paid after it was cancelled (the unpaid timeout, or the member): the money goes back.
        LOG.warning(() -> "Order " + orderNo + " was paid while " + order.status() + "; refunding in full");
        Refund refund = requestRefund(order, order.amount(), "订单已取消，自动退款", now);
        return refund == null ? null : refund.id();
    }

    /** A verified REFUND notification: the refund succeeded (once) or failed. */
    public void applyRefund(JsonObject content) {
        applyRefundState(content.getString("out_refund_no"), content.getString("refund_status", ""));
    }

    /**
     * What WeChat Pay says of a refund, from its notification or from asking it: SUCCESS completes the
     * refund (once); CLOSED and ABNORMAL end it unpaid, for a person to act; PROCESSING changes nothing.
     */
    public void applyRefundState(String outRefundNo, String state) {
        Refund refund = em.createQuery("select r from Refund r where r.outRefundNo = :no", Refund.class)
                .setParameter("no", outRefundNo).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream()
                .findFirst().orElse(null);
        if (refund == null) {
            LOG.severe(() -> "Refund notification for an unknown refund " + outRefundNo);
            return;
        }
        Instant now = Instant.now();
        if ("PROCESSING".equals(state)) {
            refund.checked(state, now);
            return;
        }
        if (!"SUCCESS".equals(state)) {
            if (refund.failed(state, now)) {
                LOG.severe(() -> "Refund " + outRefundNo + " ended " + state + " at WeChat Pay; an operator must act");
            }
            return;
        }
        refund.checked(state, now);
        if (refund.succeeded(now)) {
            Order order = em.find(Order.class, refund.orderId(), LockModeType.PESSIMISTIC_WRITE);
            if (order.status() == OrderStatus.completed) {
                em.persist(order.moveTo(OrderStatus.refunded, Actor.system(), "退款成功", now));
            }
            outbox.publish(new OrderRefunded(facts(order), refund.amount()));
        }
    }

    /** WeChat Pay could not be asked about a refund: it is asked again after the next interval. */
    public void refundUnchecked(String outRefundNo) {
        Instant now = Instant.now();
        em.createQuery("update Refund r set r.wechatState = 'UNREACHABLE', r.checkedAt = :now, r.updatedAt = :now"
                + " where r.outRefundNo = :no").setParameter("now", now).setParameter("no", outRefundNo).executeUpdate();
    }

    /**
     * Refunds WeChat Pay took but whose outcome has not arrived: submitted before {@code submittedBefore}
     * and not asked about since {@code checkedSince}; their out_refund_no, oldest first.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<String> refundsOverdue(Instant submittedBefore, Instant checkedSince, int limit) {
        return em.createQuery("select r.outRefundNo from Refund r where r.status = 'submitted'"
                + " and r.submittedAt < :submittedBefore and (r.checkedAt is null or r.checkedAt < :checkedSince)"
                + " order by r.submittedAt", String.class).setParameter("submittedBefore", submittedBefore)
                .setParameter("checkedSince", checkedSince).setMaxResults(limit).getResultList();
    }

    /**
     * Records what WeChat Pay said of an order's transaction (or UNREACHABLE), so that it is not asked again
     * at once. An update statement, not the entity: a notification applying the payment at the same moment
     * must not fail on the payment's version for a mere note.
     */
    public void transactionChecked(String orderNo, String state) {
        Instant now = Instant.now();
        em.createQuery("update Payment p set p.wechatState = :state, p.checkedAt = :now, p.updatedAt = :now"
                + " where p.outTradeNo = :no").setParameter("state", state).setParameter("now", now)
                .setParameter("no", orderNo).executeUpdate();
    }

    /** WeChat Pay closed the transaction (or never had one): it can no longer be paid. */
    public void transactionClosed(String orderNo) {
        transactionChecked(orderNo, "CLOSED");
        em.createQuery("update Payment p set p.closedAt = p.checkedAt where p.outTradeNo = :no and p.closedAt is null")
                .setParameter("no", orderNo).executeUpdate();
    }

    /**
     * Cancelled orders whose transaction at WeChat Pay may still be open (the member cancelled before paying,
     * or the sweep cancelled while WeChat Pay could not be asked): asked about and closed once WeChat Pay
     * answers, for a week at most; a payment found then is refunded in full.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<String> transactionsToSettle(Instant now, Instant checkedSince, int limit) {
        return em.createQuery("select p.outTradeNo from Payment p, Order o where o.id = p.orderId"
                + " and o.status = :cancelled and p.status = 'created' and p.closedAt is null"
                + " and p.createdAt > :since and (p.checkedAt is null or p.checkedAt < :checkedSince)"
                + " order by p.createdAt", String.class).setParameter("cancelled", OrderStatus.cancelled)
                .setParameter("since", now.minus(Duration.ofDays(7))).setParameter("checkedSince", checkedSince)
                .setMaxResults(limit).getResultList();
    }

    /** Records a refund to be submitted after the caller's transaction commits; at most one per order. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public Refund requestRefund(Order order, BigDecimal amount, String reason, Instant now) {
        if (amount.signum() <= 0) {
            return null;
        }
        Refund existing = em.createQuery("select r from Refund r where r.orderId = :order", Refund.class)
                .setParameter("order", order.id()).getResultStream().findFirst().orElse(null);
        if (existing != null) {
            return existing;
        }
        Refund refund = new Refund(order, amount, reason, now);
        em.persist(refund);
        refundRequested.fire(new RefundRequested(refund.id()));
        return refund;
    }

    /** What to send WeChat Pay for a refund still to be submitted, or null. */
    public RefundCall refundCall(String refundId) {
        Refund refund = em.find(Refund.class, refundId);
        if (refund == null || refund.status() != Refund.Status.requested) {
            return null;
        }
        Order order = em.find(Order.class, refund.orderId());
        return new RefundCall(refund.id(), order.orderNo(), refund.outRefundNo(), fen(refund.amount()),
                fen(refund.total()), refund.reason());
    }

    public void refundSubmitted(String refundId, String wechatRefundId) {
        em.find(Refund.class, refundId).submitted(wechatRefundId, Instant.now());
    }

    public void refundAttempted(String refundId) {
        em.find(Refund.class, refundId).attempted(Instant.now());
    }

    /** Refunds WeChat Pay has not taken yet (it was down, say), oldest first. */
    public List<String> refundsToSubmit(int limit) {
        return em.createQuery("select r.id from Refund r where r.status = 'requested' order by r.createdAt", String.class)
                .setMaxResults(limit).getResultList();
    }

    public Refund.RefundView refundOf(String orderId) {
        return em.createQuery("select r from Refund r where r.orderId = :order", Refund.class)
                .setParameter("order", orderId).getResultStream().findFirst().map(Refund::view).orElse(null);
    }

    private Payment paymentOf(String orderId) {
        return em.createQuery("select p from Payment p where p.orderId = :order", Payment.class)
                .setParameter("order", orderId).getResultStream().findFirst().orElse(null);
    }

    private OrderFacts facts(Order order) {
        return OrderFacts.of(order, booking.appointmentOf(order.id()));
    }

    private static long fen(BigDecimal yuan) {
        return yuan.movePointRight(2).longValueExact();
    }

    public record PayIntent(String orderId, String orderNo, String description, long amountFen, String openid,
            String prepayId, Instant payBefore) {
    }

    public record RefundCall(String refundId, String outTradeNo, String outRefundNo, long refundFen, long totalFen,
            String reason) {
    }

    /** Fired in the transaction that requested a refund; it is submitted once that commits. */
    public record RefundRequested(String refundId) {
    }

    /** A verified notification whose amount is not the order's: not applied, answered with an error. */
    @jakarta.ejb.ApplicationException(rollback = true)
    public static class AmountMismatch extends RuntimeException {

        private static final long serialVersionUID = 1L;

        AmountMismatch(String message) {
            super(message);
        }
    }
}
