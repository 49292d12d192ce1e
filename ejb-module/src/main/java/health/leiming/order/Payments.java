package health.leiming.order;

import health.leiming.integration.WechatPay;
import health.leiming.platform.BackgroundLoop;
import health.leiming.platform.BusinessException;
import health.leiming.platform.ErrorKind;
import health.leiming.platform.Logs;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

/**
 * Paying and refunding through WeChat Pay. The calls to WeChat Pay happen outside any transaction,
 * between the short transactions of {@link PaymentRecords}; a refund decided in a transaction is
 * submitted after it commits, and again by the order sweep while WeChat Pay has not taken it.
 */
@ApplicationScoped
public class Payments {

    private static final Logger LOG = Logs.get(Payments.class);

    @Inject
    PaymentRecords records;

    @Inject
    WechatPay wechat;

    @Resource(lookup = "concurrent/leimingScheduler")
    ManagedScheduledExecutorService executor;

    /** The parameters for wx.requestPayment of a pending order of the member's. */
    public WechatPay.JsapiPayment pay(String memberId, String orderId, String openid) {
        if (!wechat.configured()) {
            throw new BusinessException(ErrorKind.UNAVAILABLE, "PAYMENT_UNAVAILABLE", "在线支付暂未开通");
        }
        PaymentRecords.PayIntent intent = records.preparePay(memberId, orderId, openid);
        String prepayId = intent.prepayId();
        if (prepayId == null) {
            try {
                prepayId = wechat.prepay(intent.orderNo(), intent.description(), intent.amountFen(), intent.openid(),
                        intent.payBefore());
            } catch (FaultToleranceException | IllegalStateException e) {
                LOG.log(Level.WARNING, "WeChat Pay prepay failed for " + intent.orderNo(), e);
                throw new BusinessException(ErrorKind.UNAVAILABLE, "PAYMENT_UNAVAILABLE", "微信支付暂时不可用，请稍后再试");
            }
            records.storePrepay(intent.orderId(), prepayId);
        }
        return wechat.paymentParameters(prepayId);
    }

    /** A notification from WeChat Pay, verified before anything is read from it. */
    public void notified(String timestamp, String nonce, String signature, String serial, String body) {
        WechatPay.Notification notification = wechat.open(timestamp, nonce, signature, serial, body);
        String type = notification.eventType();
        if (type.startsWith("TRANSACTION.")) {
            String refundId = records.applyTransaction(notification.content(), wechat.appId());
            if (refundId != null) {
                submitRefund(refundId);
            }
        } else if (type.startsWith("REFUND.")) {
            records.applyRefund(notification.content());
        } else {
            LOG.info(() -> "WeChat Pay notification " + notification.id() + " of type " + type + " acknowledged");
        }
    }

    void afterRefundRequested(@Observes(during = TransactionPhase.AFTER_SUCCESS) PaymentRecords.RefundRequested requested) {
        executor.execute(() -> submitRefund(requested.refundId()));
    }

    /** Submits a refund to WeChat Pay; when it cannot, the refund stays requested for the sweep. */
    public void submitRefund(String refundId) {
        PaymentRecords.RefundCall call = records.refundCall(refundId);
        if (call == null || !wechat.configured()) {
            return;
        }
        try {
            String wechatRefundId = wechat.refund(call.outTradeNo(), call.outRefundNo(), call.refundFen(),
                    call.totalFen(), call.reason());
            records.refundSubmitted(refundId, wechatRefundId);
        } catch (RuntimeException e) {
            records.refundAttempted(refundId);
            LOG.warning(() -> "Refund " + call.outRefundNo() + " not taken by WeChat Pay yet (" + e
                    + "); retried later");
        }
    }

    /** Submits refunds WeChat Pay has not taken yet. */
    void resubmitRefunds() {
        records.refundsToSubmit(50).forEach(this::submitRefund);
    }

    /** What asking WeChat Pay about an order's transaction came to. */
    public enum Settlement {
        /** Paid at WeChat Pay, and now with us too (as its notification would have done). */
        PAID,
        /** Closed at WeChat Pay (or never opened there): it can no longer be paid. */
        CLOSED,
        /** The member is paying right now: ask again next time. */
        PAYING,
        /** WeChat Pay could not be asked, or its answer could not be applied: ask again next time. */
        UNKNOWN
    }

    /**
     * Asks WeChat Pay about an order's transaction whose notification has not come: a payment it has is
     * applied as its notification would be (the same idempotent path); an unpaid one is closed, so that
     * it can no longer be paid. Called outside any transaction.
     */
    public Settlement settle(String orderNo) {
        Optional<JsonObject> transaction;
        try {
            transaction = wechat.queryTransaction(orderNo);
        } catch (RuntimeException e) {
            return unknown(orderNo, " could not be asked about", e);
        }
        if (transaction.isEmpty()) {
            records.transactionClosed(orderNo);
            return Settlement.CLOSED;
        }
        String state = transaction.get().getString("trade_state", "");
        switch (state) {
            case "SUCCESS" -> {
                try {
                    String refundId = records.applyTransaction(transaction.get(), wechat.appId());
                    records.transactionChecked(orderNo, state);
                    if (refundId != null) {
                        submitRefund(refundId);
                    }
                    LOG.info(() -> "Order " + orderNo + " was paid at WeChat Pay without a notification reaching us;"
                            + " applied from its answer");
                    return Settlement.PAID;
                } catch (RuntimeException e) {
                    return unknown(orderNo, "'s payment could not be applied", e);
                }
            }
            case "REFUND" -> {
                // Paid and refunded at WeChat Pay, unpaid with us: nothing we did; a person must look.
                LOG.severe(() -> "Order " + orderNo + " is refunded at WeChat Pay but not paid with us; an operator"
                        + " must check");
                records.transactionChecked(orderNo, state);
                return Settlement.UNKNOWN;
            }
            case "USERPAYING" -> {
                records.transactionChecked(orderNo, state);
                return Settlement.PAYING;
            }
            case "CLOSED", "REVOKED", "PAYERROR" -> {
                records.transactionClosed(orderNo);
                return Settlement.CLOSED;
            }
            default -> {
                return close(orderNo);
            }
        }
    }

    private Settlement close(String orderNo) {
        try {
            wechat.close(orderNo);
        } catch (WechatPay.TransactionPaid paid) {
            records.transactionChecked(orderNo, "SUCCESS");
            return Settlement.UNKNOWN; // paid in the last moment: the next round applies it
        } catch (RuntimeException e) {
            return unknown(orderNo, " could not be closed", e);
        }
        records.transactionClosed(orderNo);
        return Settlement.CLOSED;
    }

    private Settlement unknown(String orderNo, String what, RuntimeException e) {
        LOG.warning(() -> "WeChat Pay: order " + orderNo + what + " (" + BackgroundLoop.rootMessage(e)
                + "); asked again later");
        try {
            records.transactionChecked(orderNo, "UNREACHABLE");
        } catch (RuntimeException ignored) {
            // the database too: the next round starts over
        }
        return Settlement.UNKNOWN;
    }

    /**
     * Asks WeChat Pay about refunds it took more than {@code after} ago without telling us their outcome,
     * and applies the answer as its notification would. Returns how many were asked about.
     */
    int checkOverdueRefunds(Duration after, Duration interval, int limit) {
        Instant now = Instant.now();
        List<String> overdue = records.refundsOverdue(now.minus(after), now.minus(interval), limit);
        for (String outRefundNo : overdue) {
            try {
                if (refreshRefund(outRefundNo).isEmpty()) {
                    LOG.severe(() -> "Refund " + outRefundNo + " is not known to WeChat Pay although it was taken;"
                            + " an operator must check");
                    records.refundUnchecked(outRefundNo);
                }
            } catch (RuntimeException e) {
                LOG.warning(() -> "WeChat Pay could not be asked about refund " + outRefundNo + " ("
                        + BackgroundLoop.rootMessage(e) + "); asked again later");
                records.refundUnchecked(outRefundNo);
            }
        }
        return overdue.size();
    }

    /**
     * Asks WeChat Pay about a refund and applies its answer as the refund's notification would; the state
     * WeChat Pay answered, or empty when it has no refund by that number.
     */
    Optional<String> refreshRefund(String outRefundNo) {
        Optional<String> state = wechat.queryRefund(outRefundNo).map(refund -> refund.getString("status", ""));
        state.ifPresent(answered -> records.applyRefundState(outRefundNo, answered));
        return state;
    }

    /** Settles the transactions of cancelled orders that may still be open at WeChat Pay (PaymentRecords.transactionsToSettle). */
    int settleCancelled(Duration interval, int limit) {
        Instant now = Instant.now();
        List<String> open = records.transactionsToSettle(now, now.minus(interval), limit);
        open.forEach(this::settle);
        return open.size();
    }
}
