package health.leiming.notify;

import health.leiming.platform.Logs;
import health.leiming.platform.SchemaReady;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Moves outbox events to the broker: right after a transaction that stored one commits, and on a
 * fixed interval for whatever is still pending (for example after a broker outage). One drain at a
 * time per server; a broker outage is logged once, not on every tick.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logs.get(OutboxRelay.class);

    @Resource(lookup = "concurrent/leimingScheduler")
    ManagedScheduledExecutorService scheduler;

    @Inject
    OutboxPublisher publisher;

    @Inject
    @ConfigProperty(name = "leiming.outbox.relay-interval", defaultValue = "PT2S")
    Duration interval;

    @Inject
    @ConfigProperty(name = "leiming.outbox.batch-size", defaultValue = "100")
    int batchSize;

    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean moreStored = new AtomicBoolean();
    private final AtomicBoolean brokerDown = new AtomicBoolean();
    private volatile ScheduledFuture<?> ticks;

    void start(@Observes SchemaReady ready) {
        ticks = scheduler.scheduleWithFixedDelay(this::drain, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
        LOG.info(() -> "Outbox relay started, every " + interval);
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.OutboxEventStored stored) {
        if (!brokerDown.get()) {
            moreStored.set(true);
            scheduler.execute(this::drain);
        }
    }

    @PreDestroy
    void stop() {
        if (ticks != null) {
            ticks.cancel(false);
        }
    }

    /**
     * Publishes until nothing is pending or the broker refuses. Events stored while a drain runs are
     * picked up by that drain (moreStored), not left for the next tick.
     */
    void drain() {
        if (!draining.compareAndSet(false, true)) {
            return;
        }
        try {
            int published;
            do {
                moreStored.set(false);
                published = publisher.publishBatch(batchSize);
            } while (published == batchSize || moreStored.get());
            if (brokerDown.compareAndSet(true, false)) {
                LOG.info("Broker reachable again; pending outbox events published");
            }
        } catch (RuntimeException e) {
            if (brokerDown.compareAndSet(false, true)) {
                LOG.log(Level.WARNING, "Cannot publish outbox events (broker down?); will retry every " + interval
                        + ": " + rootMessage(e));
            }
        } finally {
            draining.set(false);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
