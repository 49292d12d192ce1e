package health.leiming.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Seals new audit entries into the chain every leiming.audit.seal-interval (AuditChain). */
@ApplicationScoped
public class AuditSealer {

    private static final Logger LOG = Logs.get(AuditSealer.class);
    private static final int BATCH = 500;

    @Resource(lookup = "concurrent/leimingScheduler")
    ManagedScheduledExecutorService scheduler;

    @Inject
    AuditChain chain;

    @Inject
    @ConfigProperty(name = "leiming.audit.seal-interval", defaultValue = "PT5S")
    Duration interval;

    private BackgroundLoop loop;

    @PostConstruct
    void init() {
        loop = new BackgroundLoop("Audit chain sealer", interval, () -> chain.seal(BATCH) == BATCH, LOG);
    }

    void start(@Observes SchemaReady ready) {
        loop.start(scheduler);
    }

    @PreDestroy
    void stop() {
        loop.stop();
    }
}
