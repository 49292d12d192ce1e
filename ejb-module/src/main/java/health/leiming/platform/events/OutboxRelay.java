package health.leiming.platform.events;

import health.leiming.platform.BackgroundLoop;
import health.leiming.platform.Logs;
import health.leiming.platform.SchemaReady;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Moves outbox events to the broker: right after a transaction that stored one commits, and on a
 * fixed interval for whatever is still pending (for example after a broker outage, which is logged
 * once, not on every tick).
 */
@ApplicationScoped
public class OutboxRelay {

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

    private BackgroundLoop loop;

    @PostConstruct
    void init() {
        loop = new BackgroundLoop("Outbox relay", interval, () -> publisher.publishBatch(batchSize) == batchSize,
                Logs.get(OutboxRelay.class));
    }

    void start(@Observes SchemaReady ready) {
        loop.start(scheduler);
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.OutboxEventStored stored) {
        loop.nudge();
    }

    @PreDestroy
    void stop() {
        loop.stop();
    }
}
