package health.leiming.platform;

import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one lifecycle of the server's background loops (outbox relay, delivery worker, unpaid-order
 * sweep, chat notifications): a round on a fixed interval once the schema is ready, and at once
 * when {@link #nudge() nudged} after a commit. One round at a time per server; a nudge during a round
 * makes it go on rather than be lost. A round runs batches while a batch says more may be waiting.
 * A failing round is logged once when it starts failing and once when it recovers, not every tick.
 */
public final class BackgroundLoop {

    private final String name;
    private final Duration interval;
    private final BooleanSupplier batch;
    private final Logger log;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean nudged = new AtomicBoolean();
    private final AtomicBoolean failing = new AtomicBoolean();
    private volatile ManagedScheduledExecutorService scheduler;
    private volatile ScheduledFuture<?> ticks;

    /**
     * @param batch one batch of work; true when it was full, so that more may be waiting
     */
    public BackgroundLoop(String name, Duration interval, BooleanSupplier batch, Logger log) {
        this.name = name;
        this.interval = interval;
        this.batch = batch;
        this.log = log;
    }

    public void start(ManagedScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
        ticks = scheduler.scheduleWithFixedDelay(this::round, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
        log.info(() -> name + " started, every " + interval);
    }

    /** Runs a round soon (new work was committed), unless the loop is failing: then the tick retries. */
    public void nudge() {
        ManagedScheduledExecutorService executor = scheduler;
        if (executor != null && !failing.get()) {
            nudged.set(true);
            executor.execute(this::round);
        }
    }

    public void stop() {
        ScheduledFuture<?> scheduled = ticks;
        if (scheduled != null) {
            scheduled.cancel(false);
        }
    }

    /** One round: batches until one is not full and nothing was nudged meanwhile. */
    public void round() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            boolean more;
            do {
                nudged.set(false);
                more = batch.getAsBoolean();
            } while (more || nudged.get());
            if (failing.compareAndSet(true, false)) {
                log.info(() -> name + " works again");
            }
        } catch (RuntimeException e) {
            if (failing.compareAndSet(false, true)) {
                log.log(Level.WARNING, name + " failed; it tries again every " + interval + ": " + rootMessage(e));
            } else {
                log.fine(() -> name + " still failing: " + rootMessage(e));
            }
        } finally {
            running.set(false);
        }
    }

    /** The innermost cause of a failure, as "Type: message" for a log line. */
    public static String rootMessage(Throwable e) {
        Throwable root = rootCause(e);
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    /** The innermost cause of a failure (what the container's wrapping exceptions carry). */
    public static Throwable rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
