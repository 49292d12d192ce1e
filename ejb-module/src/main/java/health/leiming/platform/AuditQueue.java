package health.leiming.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Audit entries of reads and of refusals, written in batches off the request path: a read then costs
 * no write of its own, and a burst of refusals no transaction each (which could take every pooled
 * connection). The queue is bounded: when it is full, callers wait for room (back-pressure); an entry is
 * never dropped, and a request that cannot queue its entry within leiming.audit.queue-wait fails
 * (503) rather than answer without it. Written at least every leiming.audit.flush-interval and at a
 * clean shutdown; a crash can lose the entries of the last interval. Changes are not queued: their
 * entry commits with the change (AuditTrail).
 */
@ApplicationScoped
public class AuditQueue {

    private static final Logger LOG = Logs.get(AuditQueue.class);
    static final int BATCH = 500;

    @Resource(lookup = "concurrent/leimingScheduler")
    ManagedScheduledExecutorService scheduler;

    @Inject
    AuditWriter writer;

    @Inject
    @ConfigProperty(name = "leiming.audit.queue-capacity", defaultValue = "10000")
    int capacity;

    @Inject
    @ConfigProperty(name = "leiming.audit.flush-interval", defaultValue = "PT1S")
    Duration interval;

    @Inject
    @ConfigProperty(name = "leiming.audit.queue-wait", defaultValue = "PT30S")
    Duration maxWait;

    private BlockingQueue<AuditEntry> queue;
    /** Taken from the queue, not yet committed: written first in the next batch (a failed write loses nothing). */
    private final List<AuditEntry> taken = new ArrayList<>();
    private BackgroundLoop loop;

    @PostConstruct
    void init() {
        queue = new ArrayBlockingQueue<>(capacity);
        loop = new BackgroundLoop("Audit writer", interval, this::writeBatch, LOG);
    }

    void start(@Observes SchemaReady ready) {
        loop.start(scheduler);
    }

    /** Queues an entry, waiting while the queue is full. */
    void add(AuditEntry entry) {
        try {
            if (!queue.offer(entry, maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.severe(() -> "Audit queue full for " + maxWait + " (" + capacity + " entries): is the database"
                        + " reachable? The request is refused rather than answered without its audit entry.");
                throw new BusinessException(ErrorKind.UNAVAILABLE, "AUDIT_UNAVAILABLE", "系统繁忙，请稍后再试");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BusinessException(ErrorKind.UNAVAILABLE, "AUDIT_UNAVAILABLE", "系统繁忙，请稍后再试");
        }
        if (queue.size() >= Math.min(BATCH, capacity / 2)) {
            loop.nudge();
        }
    }

    /** Entries queued or taken and not yet written. */
    public int backlog() {
        synchronized (taken) {
            return queue.size() + taken.size();
        }
    }

    /** Writes one batch; true when it was full, so that more may be waiting. */
    boolean writeBatch() {
        synchronized (taken) {
            if (taken.isEmpty()) {
                queue.drainTo(taken, BATCH);
            }
            if (taken.isEmpty()) {
                return false;
            }
            writer.write(taken);
            int written = taken.size();
            taken.clear();
            return written == BATCH;
        }
    }

    /**
     * Writes everything queued. A clean stop calls it when the web module stops (no request can queue
     * more then, and the writer bean is still there), and again as this bean goes.
     */
    public void flush() {
        try {
            while (writeBatch()) {
                // until a batch is not full
            }
        } catch (RuntimeException e) {
            LOG.severe(() -> "Audit entries not written at shutdown: " + backlog() + " (" + BackgroundLoop.rootMessage(e) + ")");
        }
    }

    @PreDestroy
    void stop() {
        loop.stop();
        if (backlog() > 0) {
            flush();
        }
    }
}
