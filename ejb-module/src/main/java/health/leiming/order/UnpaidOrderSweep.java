package health.leiming.order;

import health.leiming.platform.Logs;
import health.leiming.platform.SchemaReady;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
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

    private volatile ScheduledFuture<?> ticks;

    void start(@Observes SchemaReady ready) {
        ticks = scheduler.scheduleWithFixedDelay(this::sweep, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (ticks != null) {
            ticks.cancel(false);
        }
    }

    void sweep() {
        try {
            int cancelled;
            int total = 0;
            do {
                cancelled = orders.cancelUnpaid(Instant.now(), BATCH);
                total += cancelled;
            } while (cancelled == BATCH);
            if (total > 0) {
                int count = total;
                LOG.info(() -> "Cancelled " + count + " unpaid order(s) past the payment window");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Unpaid order sweep failed; it runs again in " + interval, e);
        }
        try {
            payments.resubmitRefunds();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Refund resubmission failed; it runs again in " + interval, e);
        }
    }
}
