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
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Audit entries of reads and of refusals, written in batches off the request path: a read then costs
 * no write of its own, and a burst of refusals no transaction each (which could take every pooled
 * connection). Back-pressure without deadlock: an entry is added without ever waiting (its caller is
 * inside a transaction and may hold a pooled connection the writer needs); when the queue is full it
 * goes to an overflow list, and the request waits for room as it leaves ({@link #awaitRoom}, called by
 * the web layer once its transaction has ended). An entry is never dropped; when even the overflow (ten
 * queues' worth) is full (the database has been unreachable for a while), a read is refused (503)
 * rather than answered without its entry. Written at least every leiming.audit.flush-interval, when half full, and at a clean
 * shutdown; a crash can lose the entries of the last interval. Changes are not queued: their entry
 * commits with the change (AuditTrail).
 */
@ApplicationScoped
public class AuditQueue {

    private static final Logger LOG = Logs.get(AuditQueue.class);
    static final int BATCH = 500;
    /** The overflow holds this many queues' worth: in-flight requests' entries, or a database outage's first seconds. */
    static final int OVERFLOW_QUEUES = 10;

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
    /** What did not fit in the queue (see add); written first. */
    private final List<AuditEntry> overflow = new ArrayList<>();
    /** overflow.size(), readable without its lock: awaitRoom runs on every authenticated request. */
    private volatile int overflowed;
    private final Object room = new Object();
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

    /** Queues an entry, never waiting: see the class comment. */
    void add(AuditEntry entry) {
        if (!queue.offer(entry)) {
            synchronized (overflow) {
                if (overflow.size() >= OVERFLOW_QUEUES * capacity) {
                    LOG.severe(() -> "Audit queue and overflow full (" + (OVERFLOW_QUEUES + 1) * capacity + " entries): is the database"
                            + " reachable? Reads are refused rather than answered without their audit entry.");
                    throw new BusinessException(ErrorKind.UNAVAILABLE, "AUDIT_UNAVAILABLE", "系统繁忙，请稍后再试");
                }
                overflow.add(entry);
                overflowed = overflow.size();
            }
            loop.nudge();
        } else if (queue.size() >= Math.min(BATCH, capacity / 2)) {
            loop.nudge();
        }
    }

    /**
     * Waits, up to leiming.audit.queue-wait, while more entries wait than the queue holds. Called as a
     * request ends, outside its transaction, so that a burst is slowed to the writer's pace.
     */
    public void awaitRoom() {
        if (overflowed == 0) {
            return; // the usual case: no lock taken
        }
        long deadline = System.nanoTime() + maxWait.toNanos();
        synchronized (room) {
            while (overflowed > 0 && System.nanoTime() < deadline) {
                try {
                    room.wait(Math.max(1, Math.min(100, (deadline - System.nanoTime()) / 1_000_000)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Entries queued or taken and not yet written. */
    public int backlog() {
        synchronized (taken) {
            return queue.size() + taken.size() + overflowed;
        }
    }

    /** Writes one batch; true when it was full, so that more may be waiting. */
    boolean writeBatch() {
        synchronized (taken) {
            if (taken.isEmpty()) {
                synchronized (overflow) {
                    int n = Math.min(BATCH, overflow.size());
                    taken.addAll(overflow.subList(0, n));
                    overflow.subList(0, n).clear();
                    overflowed = overflow.size();
                }
                queue.drainTo(taken, BATCH - taken.size());
            }
            if (taken.isEmpty()) {
                return false;
            }
            writer.write(taken);
            int written = taken.size();
            taken.clear();
            synchronized (room) {
                room.notifyAll();
            }
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
