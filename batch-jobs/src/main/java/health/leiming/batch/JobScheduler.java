package health.leiming.batch;

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
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Starts the jobs on their schedules (cron expressions in the business time zone, from
 * configuration; "off" turns one off). Every tick looks for the latest fire time of each schedule;
 * one that is recent (within the grace period) and not yet claimed is claimed in the database and
 * started, so with several servers each scheduled run starts exactly once, and a server that was
 * down a few minutes still starts the run it missed. Each tick also looks after the runs under way
 * (JobControl.watchScheduledRuns): a run whose server died is finished by another.
 */
@ApplicationScoped
public class JobScheduler {

    private static final Logger LOG = Logs.get(JobScheduler.class);

    @Resource(lookup = "concurrent/leimingScheduler")
    ManagedScheduledExecutorService scheduler;

    @Inject
    MetricRegistry registry;

    @Inject
    JobControl jobs;

    @Inject
    @ConfigProperty(name = "leiming.business-zone", defaultValue = "Asia/Shanghai")
    ZoneId zone;

    @Inject
    @ConfigProperty(name = "leiming.batch.schedule.weekly-report", defaultValue = "0 2 * * 1")
    String weeklyReport;

    @Inject
    @ConfigProperty(name = "leiming.batch.schedule.monthly-report", defaultValue = "30 2 1 * *")
    String monthlyReport;

    @Inject
    @ConfigProperty(name = "leiming.batch.schedule.reminders", defaultValue = "*/15 * * * *")
    String reminders;

    @Inject
    @ConfigProperty(name = "leiming.batch.schedule.retention", defaultValue = "30 3 * * *")
    String retention;

    /** WeChat Pay makes the day's bills from 9 in the morning and advises fetching them after 10. */
    @Inject
    @ConfigProperty(name = "leiming.batch.schedule.reconciliation", defaultValue = "30 10 * * *")
    String reconciliation;

    /** Doctors and clinic times from the hospitals' own FHIR servers, every hour. */
    @Inject
    @ConfigProperty(name = "leiming.batch.schedule.hospital-import", defaultValue = "15 * * * *")
    String hospitalImport;

    @Inject
    @ConfigProperty(name = "leiming.batch.schedule.tick", defaultValue = "PT30S")
    Duration tick;

    /** A fire time older than this is not started any more (the server was down too long). */
    @Inject
    @ConfigProperty(name = "leiming.batch.schedule.grace", defaultValue = "PT10M")
    Duration grace;

    /**
     * A run whose server has not beaten for this long is taken over by another server (several ticks: a live
     * server beats on each of its ticks).
     */
    @Inject
    @ConfigProperty(name = "leiming.batch.takeover-after", defaultValue = "PT2M")
    Duration takeoverAfter;

    private final Map<String, Schedule> schedules = new LinkedHashMap<>();
    private volatile ScheduledFuture<?> ticks;

    private record Schedule(String name, String job, CronSchedule cron, Map<String, String> parameters) {
    }

    void start(@Observes SchemaReady ready) {
        JobMetricsListener.initialise(registry);
        add("weekly-report", JobControl.REPORT, weeklyReport, Map.of("period", "week"));
        add("monthly-report", JobControl.REPORT, monthlyReport, Map.of("period", "month"));
        add("reminders", JobControl.REMINDERS, reminders, Map.of());
        add("retention", JobControl.RETENTION, retention, Map.of());
        add("reconciliation", JobControl.RECONCILIATION, reconciliation, Map.of());
        add("hospital-import", JobControl.HOSPITAL_IMPORT, hospitalImport, Map.of());
        ticks = scheduler.scheduleWithFixedDelay(this::tick, tick.toMillis(), tick.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info(() -> "Job schedules (" + zone + "): " + schedules.values().stream()
                .map(s -> s.name() + " '" + s.cron() + "'").toList());
    }

    private void add(String name, String job, String expression, Map<String, String> parameters) {
        if (expression == null || expression.isBlank() || expression.equalsIgnoreCase("off")) {
            return;
        }
        try {
            schedules.put(name, new Schedule(name, job, CronSchedule.parse(expression), parameters));
        } catch (IllegalArgumentException e) {
            LOG.severe(() -> "Schedule " + name + " ignored: " + e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        if (ticks != null) {
            ticks.cancel(false);
        }
    }

    void tick() {
        Instant now = Instant.now();
        for (Schedule schedule : schedules.values()) {
            try {
                ZonedDateTime fire = schedule.cron().latestAtOrBefore(now, zone);
                if (fire == null || fire.toInstant().isBefore(now.minus(grace))) {
                    continue;
                }
                jobs.startScheduled(schedule.name(), fire.toInstant(), schedule.parameters())
                        .ifPresent(run -> LOG.info(() -> "Scheduled " + schedule.name() + " at " + fire + " started as execution "
                                + run.executionId()));
            } catch (RuntimeException e) {
                LOG.warning(() -> "Scheduled " + schedule.name() + " could not start: " + e);
            }
        }
        try {
            jobs.watchScheduledRuns(takeoverAfter);
        } catch (RuntimeException e) {
            LOG.warning(() -> "Scheduled runs could not be looked after: " + e);
        }
    }
}
