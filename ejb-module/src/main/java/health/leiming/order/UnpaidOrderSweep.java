package health.leiming.order;

import health.leiming.integration.WechatPay;
import health.leiming.platform.BackgroundLoop;
import health.leiming.platform.Logs;
import health.leiming.platform.SchemaReady;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * On a fixed interval: cancels orders left unpaid past the payment window (freeing their places), and
 * follows up payments whose word from WeChat Pay is overdue. An order that was ever sent to WeChat Pay
 * is first asked about there: paid, it is kept and marked paid (its notification was lost or late);
 * unpaid, its transaction is closed, then the order is cancelled. While WeChat Pay cannot be asked, the
 * order keeps its place for up to leiming.order.payment-check-limit past its window, then it is cancelled
 * and its transaction closed once WeChat Pay answers (a payment found then is refunded in full).
 * The follow-up also submits refunds WeChat Pay has not taken yet and asks about refunds whose outcome
 * has not arrived after leiming.wechatpay.refund-query-after. Safe with several servers: each order is
 * re-read under its row lock before it changes, and WeChat Pay's calls are idempotent.
 */
@ApplicationScoped
public class UnpaidOrderSweep {

    private static final Logger LOG = Logs.get(UnpaidOrderSweep.class);
    private static final int BATCH = 100;

    @Resource(lookup = "concurrent/leimingScheduler")
    ManagedScheduledExecutorService scheduler;

    @Inject
    OrderService orders;

    @Inject
    Payments payments;

    @Inject
    WechatPay wechat;

    @Inject
    @ConfigProperty(name = "leiming.order.timeout-sweep-interval", defaultValue = "PT1M")
    Duration interval;

    @Inject
    @ConfigProperty(name = "leiming.order.payment-check-limit", defaultValue = "PT30M")
    Duration checkLimit;

    @Inject
    @ConfigProperty(name = "leiming.wechatpay.refund-query-after", defaultValue = "PT10M")
    Duration refundQueryAfter;

    private BackgroundLoop unpaid;
    private BackgroundLoop followUp;

    @PostConstruct
    void init() {
        unpaid = new BackgroundLoop("Unpaid-order sweep", interval, this::cancelUnpaid, LOG);
        followUp = new BackgroundLoop("Payment follow-up", interval, this::followUp, LOG);
    }

    void start(@Observes SchemaReady ready) {
        unpaid.start(scheduler);
        followUp.start(scheduler);
    }

    @PreDestroy
    void stop() {
        unpaid.stop();
        followUp.stop();
    }

    /** One batch of orders past the payment window; true when the batch was full. */
    private boolean cancelUnpaid() {
        Instant now = Instant.now();
        List<OrderService.UnpaidOrder> due = orders.unpaidPastWindow(now, now.minus(interval), BATCH);
        int cancelled = 0;
        for (OrderService.UnpaidOrder order : due) {
            if (order.prepaid() && wechat.configured()) {
                Payments.Settlement settlement = payments.settle(order.orderNo());
                if (settlement == Payments.Settlement.PAID || settlement == Payments.Settlement.PAYING) {
                    continue;
                }
                if (settlement == Payments.Settlement.UNKNOWN && now.isBefore(order.payBefore().plus(checkLimit))) {
                    continue; // the place is held a little longer rather than a paid booking lost
                }
            }
            if (orders.cancelUnpaid(order.orderId(), now)) {
                cancelled++;
            }
        }
        int count = cancelled;
        if (count > 0) {
            LOG.info(() -> "Cancelled " + count + " unpaid order(s) past the payment window");
        }
        return due.size() == BATCH;
    }

    private boolean followUp() {
        payments.resubmitRefunds();
        int refunds = payments.checkOverdueRefunds(refundQueryAfter, interval, BATCH);
        int transactions = wechat.configured() ? payments.settleCancelled(interval, BATCH) : 0;
        return refunds == BATCH || transactions == BATCH;
    }
}
