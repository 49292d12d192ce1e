package health.leiming.order;

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
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * On a fixed interval: cancels orders left unpaid past the payment window (freeing their places), and
 * submits refunds WeChat Pay has not taken yet. Safe with several servers: each order is re-read
 * under its row lock before it is cancelled, and WeChat Pay refunds are idempotent on their number.
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
    @ConfigProperty(name = "leiming.order.timeout-sweep-interval", defaultValue = "PT1M")
    Duration interval;

    private BackgroundLoop unpaid;
    private BackgroundLoop refunds;

    @PostConstruct
    void init() {
        unpaid = new BackgroundLoop("Unpaid-order sweep", interval, this::cancelUnpaid, LOG);
        refunds = new BackgroundLoop("Refund resubmission", interval, () -> {
            payments.resubmitRefunds();
            return false;
        }, LOG);
    }

    void start(@Observes SchemaReady ready) {
        unpaid.start(scheduler);
        refunds.start(scheduler);
    }

    @PreDestroy
    void stop() {
        unpaid.stop();
        refunds.stop();
    }

    /** Cancels one batch of orders past the payment window; true when the batch was full. */
    private boolean cancelUnpaid() {
        int cancelled = orders.cancelUnpaid(Instant.now(), BATCH);
        if (cancelled > 0) {
            LOG.info(() -> "Cancelled " + cancelled + " unpaid order(s) past the payment window");
        }
        return cancelled == BATCH;
    }
}
