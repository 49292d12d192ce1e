package health.leiming.order;

import health.leiming.integration.WechatPay;
import health.leiming.platform.BusinessException;
import health.leiming.platform.ErrorKind;
import health.leiming.platform.Logs;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
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
}
