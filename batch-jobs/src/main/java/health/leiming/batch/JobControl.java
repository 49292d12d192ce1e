package health.leiming.batch;

import health.leiming.health.HealthReports;
import health.leiming.health.ReportPeriod;
import health.leiming.platform.BatchSkips;
import health.leiming.platform.BusinessException;
import health.leiming.platform.ErrorKind;
import health.leiming.platform.Logs;
import health.leiming.platform.ScheduledRun;
import health.leiming.platform.ScheduledRuns;
import jakarta.batch.operations.JobExecutionAlreadyCompleteException;
import jakarta.batch.operations.JobExecutionNotMostRecentException;
import jakarta.batch.operations.JobExecutionNotRunningException;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.JobRestartException;
import jakarta.batch.operations.NoSuchJobException;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.JobInstance;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.StepExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Starting, stopping, restarting and watching the jobs: what the admin endpoints and the scheduler
 * use. Parameters are checked and completed here, so that every execution records all of them.
 */
@ApplicationScoped
public class JobControl {

    public static final String REPORT = "health-report";
    public static final String REMINDERS = "appointment-reminders";
    public static final String RETENTION = "retention";
    public static final String RECONCILIATION = "reconciliation";
    public static final String HOSPITAL_IMPORT = "hospital-import";
    /** A member's data export: started by their request only (not by admins, not on a schedule). */
    public static final String DATA_EXPORT = "data-export";
    /** A hospital client's FHIR Bulk Data export: started by its $export request only. */
    public static final String FHIR_BULK_EXPORT = "fhir-bulk-export";
    static final Set<String> JOBS = Set.of(REPORT, REMINDERS, RETENTION, RECONCILIATION, HOSPITAL_IMPORT);

    /** This server as it claims and beats scheduled runs: host and process (a restarted server is another). */
    public static final String SERVER = host() + "/" + ProcessHandle.current().pid();

    private static final Logger LOG = Logs.get(JobControl.class);

    @Inject
    @ConfigProperty(name = "leiming.business-zone", defaultValue = "Asia/Shanghai")
    ZoneId zone;

    @Inject
    @ConfigProperty(name = "leiming.batch.report-partitions", defaultValue = "4")
    int partitions;

    @Inject
    @ConfigProperty(name = "leiming.batch.report-chunk-size", defaultValue = "200")
    int chunkSize;

    @Inject
    @ConfigProperty(name = "leiming.batch.reminder-window", defaultValue = "PT24H")
    Duration reminderWindow;

    /** A pause after each person of a report run: a gentler run on a database busy with the day's traffic. */
    @Inject
    @ConfigProperty(name = "leiming.batch.report-item-delay", defaultValue = "PT0S")
    Duration reportItemDelay;

    @Inject
    HealthReports reports;

    @Inject
    BatchSkips skips;

    @Inject
    ScheduledRuns scheduledRuns;

    private JobOperator operator() {
        return BatchRuntime.getJobOperator();
    }

    /** Starts a job; parameters not given get their defaults (the report: the last finished week). */
    public ExecutionView start(String jobName, Map<String, String> given) {
        Properties parameters = parameters(jobName, given == null ? Map.of() : given);
        long id = operator().start(jobName, parameters);
        return view(operator().getJobExecution(id));
    }

    /** Starts preparing a data export the member asked for (DataExports.request, committed). */
    public void startDataExport(String exportId) {
        Properties parameters = new Properties();
        parameters.setProperty("exportId", exportId);
        operator().start(DATA_EXPORT, parameters);
    }

    /** Starts preparing a Bulk Data export a hospital client asked for (BulkExports.kickOff, committed). */
    public void startBulkExport(String exportId) {
        Properties parameters = new Properties();
        parameters.setProperty("exportId", exportId);
        operator().start(FHIR_BULK_EXPORT, parameters);
    }

    /**
     * Starts the run of a schedule at one fire time, unless any server already has: the claim in the
     * database decides. Empty when the run was taken.
     */
    public java.util.Optional<ExecutionView> startScheduled(String schedule, Instant fireTime, Map<String, String> given) {
        String jobName = switch (schedule) {
            case "weekly-report", "monthly-report" -> REPORT;
            case "reminders" -> REMINDERS;
            case "retention" -> RETENTION;
            case "reconciliation" -> RECONCILIATION;
            case "hospital-import" -> HOSPITAL_IMPORT;
            default -> throw new BusinessException(ErrorKind.NOT_FOUND, "SCHEDULE_NOT_FOUND", "没有这个计划：" + schedule);
        };
        Map<String, String> all = new java.util.HashMap<>(given);
        switch (schedule) { // what makes the schedule what it is, also when an admin starts a missed run
            case "weekly-report" -> all.put("period", "week");
            case "monthly-report" -> all.put("period", "month");
            default -> { }
        }
        Properties checked = parameters(jobName, all); // bad parameters fail before the run is claimed
        boolean claimed;
        try {
            claimed = scheduledRuns.claim(schedule, fireTime, SERVER);
        } catch (RuntimeException e) {
            claimed = false; // a concurrent claim won
        }
        if (!claimed) {
            return java.util.Optional.empty();
        }
        long id = operator().start(jobName, checked);
        scheduledRuns.started(schedule, fireTime, id);
        return java.util.Optional.of(view(operator().getJobExecution(id)));
    }

    /**
     * Looks after the scheduled runs not yet ended, on every scheduler tick of every server. This server's
     * are beaten while they run and closed when they end. Another server's whose beat stopped more than
     * takeoverAfter ago (the server died in the middle) is taken over by one server: an execution the dead
     * server's restart marked failed is restarted from its checkpoints; one still marked running (the server
     * has not come back) cannot be, and the run starts again as a new execution with the same parameters
     * (every job skips what is already done: reports made, reminders sent, bills reconciled).
     */
    public void watchScheduledRuns(Duration takeoverAfter) {
        Instant now = Instant.now();
        for (ScheduledRun run : scheduledRuns.unfinished()) {
            BatchStatus status = status(run.executionId());
            boolean mine = run.claimedBy().equals(SERVER);
            if (status == null || status == BatchStatus.COMPLETED || status == BatchStatus.ABANDONED
                    || (mine && (status == BatchStatus.FAILED || status == BatchStatus.STOPPED))) {
                scheduledRuns.finished(run.jobName(), run.fireTime(), now);
            } else if (mine) {
                scheduledRuns.beat(run.jobName(), run.fireTime(), now);
            } else if ((run.heartbeatAt() == null || run.heartbeatAt().isBefore(now.minus(takeoverAfter)))
                    && scheduledRuns.takeOver(run.jobName(), run.fireTime(), run.claimedBy(), run.heartbeatAt(), SERVER, now)) {
                long previous = run.executionId();
                long id;
                try {
                    Properties parameters = operator().getParameters(previous);
                    id = status == BatchStatus.FAILED || status == BatchStatus.STOPPED
                            ? operator().restart(previous, parameters)
                            : operator().start(operator().getJobExecution(previous).getJobName(), parameters);
                } catch (RuntimeException e) {
                    // The claim is this server's now, with an execution nobody runs: close it, or it would be
                    // beaten for ever. The missed-run alert and the console's executions show it.
                    scheduledRuns.finished(run.jobName(), run.fireTime(), now);
                    LOG.severe(() -> "Scheduled " + run.jobName() + " at " + run.fireTime() + ": execution " + previous
                            + " of stopped server " + run.claimedBy() + " could not be taken over; start it again from the"
                            + " console: " + e);
                    continue;
                }
                scheduledRuns.started(run.jobName(), run.fireTime(), id);
                LOG.warning(() -> "Scheduled " + run.jobName() + " at " + run.fireTime() + ": its server " + run.claimedBy()
                        + " stopped during execution " + previous + " (" + status + "); taken over as execution " + id);
            }
        }
    }

    private BatchStatus status(Long executionId) {
        try {
            return operator().getJobExecution(executionId).getBatchStatus();
        } catch (NoSuchJobExecutionException e) {
            return null;
        }
    }

    private static String host() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "unknown-host";
        }
    }

    public ExecutionView stop(long executionId) {
        try {
            operator().stop(executionId);
        } catch (NoSuchJobExecutionException e) {
            throw notFound();
        } catch (JobExecutionNotRunningException e) {
            throw new BusinessException(ErrorKind.CONFLICT, "JOB_NOT_RUNNING", "该任务执行未在运行");
        }
        return summary(executionId);
    }

    /** Restarts a failed or stopped execution: a new execution that goes on from the checkpoints. */
    public ExecutionView restart(long executionId) {
        try {
            // The restarted execution runs with the parameters of the one it continues.
            long id = operator().restart(executionId, operator().getParameters(executionId));
            return view(operator().getJobExecution(id));
        } catch (NoSuchJobExecutionException e) {
            throw notFound();
        } catch (JobExecutionAlreadyCompleteException e) {
            throw new BusinessException(ErrorKind.CONFLICT, "JOB_ALREADY_COMPLETE", "该任务已完成，无需重启");
        } catch (JobExecutionNotMostRecentException e) {
            throw new BusinessException(ErrorKind.CONFLICT, "JOB_NOT_MOST_RECENT", "只能重启该任务最近一次的执行");
        } catch (JobRestartException e) {
            throw new BusinessException(ErrorKind.CONFLICT, "JOB_NOT_RESTARTABLE", "只能重启失败或已停止的执行");
        }
    }

    /** The newest executions of the jobs (all jobs, or one), newest first. */
    public List<ExecutionView> executions(String jobName, int max) {
        List<ExecutionView> views = new ArrayList<>();
        for (String job : jobName == null ? JOBS : Set.of(known(jobName))) {
            List<JobInstance> instances;
            try {
                instances = operator().getJobInstances(job, 0, max);
            } catch (NoSuchJobException e) {
                continue; // never run yet
            }
            for (JobInstance instance : instances) {
                operator().getJobExecutions(instance).forEach(e -> views.add(view(e)));
            }
        }
        views.sort(Comparator.comparing(ExecutionView::executionId).reversed());
        return views.size() > max ? views.subList(0, max) : views;
    }

    /** One execution with its steps' counts, what it skipped and (reports) how many reports it stored. */
    public ExecutionView summary(long executionId) {
        JobExecution execution;
        try {
            execution = operator().getJobExecution(executionId);
        } catch (NoSuchJobExecutionException e) {
            throw notFound();
        }
        ExecutionView view = view(execution);
        List<Long> ids = List.of(executionId);
        Long stored = REPORT.equals(execution.getJobName()) ? reports.countOfExecution(executionId) : null;
        return new ExecutionView(view.executionId(), view.jobName(), view.status(), view.exitStatus(), view.parameters(),
                view.createdAt(), view.startedAt(), view.endedAt(), view.counts(), view.steps(), skips.of(ids), stored);
    }

    private ExecutionView view(JobExecution execution) {
        Map<String, Long> total = new java.util.TreeMap<>();
        List<StepView> steps = new ArrayList<>();
        for (StepExecution step : operator().getStepExecutions(execution.getExecutionId())) {
            Map<String, Long> counts = counts(step.getMetrics());
            counts.forEach((k, v) -> total.merge(k, v, Long::sum));
            steps.add(new StepView(step.getStepName(), String.valueOf(step.getBatchStatus()), step.getExitStatus(),
                    instant(step.getStartTime()), instant(step.getEndTime()), counts));
        }
        Map<String, String> parameters = new java.util.TreeMap<>();
        Properties p = execution.getJobParameters();
        if (p != null) {
            p.stringPropertyNames().forEach(k -> parameters.put(k, p.getProperty(k)));
        }
        return new ExecutionView(execution.getExecutionId(), execution.getJobName(), String.valueOf(execution.getBatchStatus()),
                execution.getExitStatus(), parameters, instant(execution.getCreateTime()), instant(execution.getStartTime()),
                instant(execution.getEndTime()), total, steps, null, null);
    }

    private static Map<String, Long> counts(Metric[] metrics) {
        Map<Metric.MetricType, String> names = new EnumMap<>(Metric.MetricType.class);
        names.put(Metric.MetricType.READ_COUNT, "read");
        names.put(Metric.MetricType.WRITE_COUNT, "written");
        names.put(Metric.MetricType.FILTER_COUNT, "filtered");
        names.put(Metric.MetricType.COMMIT_COUNT, "commits");
        names.put(Metric.MetricType.ROLLBACK_COUNT, "rollbacks");
        Map<String, Long> counts = new java.util.TreeMap<>();
        long skipped = 0;
        for (Metric m : metrics == null ? new Metric[0] : metrics) {
            switch (m.getType()) {
                case READ_SKIP_COUNT, PROCESS_SKIP_COUNT, WRITE_SKIP_COUNT -> skipped += m.getValue();
                default -> {
                    String name = names.get(m.getType());
                    if (name != null) {
                        counts.merge(name, m.getValue(), Long::sum);
                    }
                }
            }
        }
        counts.put("skipped", skipped);
        return counts;
    }

    Properties parameters(String jobName, Map<String, String> given) {
        Properties p = new Properties();
        switch (known(jobName)) {
            case REPORT -> {
                String period = given.getOrDefault("period", "week");
                LocalDate date;
                try {
                    date = given.containsKey("date") ? LocalDate.parse(given.get("date"))
                            : ReportPeriod.lastBefore(period, LocalDate.now(zone), zone).start();
                } catch (DateTimeParseException e) {
                    throw new BusinessException(ErrorKind.BAD_REQUEST, "JOB_PARAMETER_INVALID", "date应为yyyy-MM-dd格式的日期");
                }
                ReportPeriod checked = ReportPeriod.of(period, date, zone);
                p.setProperty("period", checked.type().name());
                p.setProperty("date", checked.start().toString());
                p.setProperty("zone", zone.getId());
                p.setProperty("regenerate", String.valueOf(Boolean.parseBoolean(given.getOrDefault("regenerate", "false"))));
                p.setProperty("itemDelayMillis", String.valueOf(number(given.getOrDefault("itemDelayMillis",
                        String.valueOf(reportItemDelay.toMillis())), 0, 60_000)));
                p.setProperty("partitions", String.valueOf(number(given.getOrDefault("partitions", String.valueOf(partitions)), 1, 16)));
                p.setProperty("chunkSize", String.valueOf(number(given.getOrDefault("chunkSize", String.valueOf(chunkSize)), 1, 1000)));
            }
            case REMINDERS -> {
                Duration window;
                try {
                    window = given.containsKey("window") ? Duration.parse(given.get("window")) : reminderWindow;
                } catch (DateTimeParseException e) {
                    throw new BusinessException(ErrorKind.BAD_REQUEST, "JOB_PARAMETER_INVALID", "window应为ISO-8601时长，例如PT24H");
                }
                if (window.isNegative() || window.isZero() || window.compareTo(Duration.ofDays(7)) > 0) {
                    throw new BusinessException(ErrorKind.BAD_REQUEST, "JOB_PARAMETER_INVALID", "window应在0到7天之间");
                }
                p.setProperty("window", window.toString());
            }
            case RETENTION -> {
                // no parameters: the periods are configuration (leiming.retention.*)
            }
            case HOSPITAL_IMPORT -> {
                // no parameters: the hospitals are the connections, the window configuration (leiming.hospital-import.days)
            }
            case RECONCILIATION -> {
                LocalDate today = LocalDate.now(zone);
                LocalDate day;
                try {
                    day = given.containsKey("date") ? LocalDate.parse(given.get("date")) : today.minusDays(1);
                } catch (DateTimeParseException e) {
                    throw new BusinessException(ErrorKind.BAD_REQUEST, "JOB_PARAMETER_INVALID", "date应为yyyy-MM-dd格式的日期");
                }
                if (day.isAfter(today) || day.isBefore(today.minusMonths(3))) {
                    throw new BusinessException(ErrorKind.BAD_REQUEST, "JOB_PARAMETER_INVALID",
                            "只能对账三个月内且不晚于今天的账单日期");
                }
                p.setProperty("date", day.toString());
            }
            default -> throw new IllegalStateException();
        }
        return p;
    }

    private static long number(String value, long min, long max) {
        try {
            long n = Long.parseLong(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new BusinessException(ErrorKind.BAD_REQUEST, "JOB_PARAMETER_INVALID", "参数值" + value + "应在" + min + "到" + max + "之间");
    }

    private static String known(String jobName) {
        if (jobName == null || !JOBS.contains(jobName)) {
            throw new BusinessException(ErrorKind.NOT_FOUND, "JOB_NOT_FOUND", "没有这个任务：" + jobName);
        }
        return jobName;
    }

    private static BusinessException notFound() {
        return BusinessException.notFound("任务执行");
    }

    private static Instant instant(java.util.Date date) {
        return date == null ? null : date.toInstant();
    }

    public record StepView(String step, String status, String exitStatus, Instant startedAt, Instant endedAt,
            Map<String, Long> counts) {
    }

    /** An execution: status, times, counts (read, written, filtered, skipped, commits, rollbacks). */
    public record ExecutionView(long executionId, String jobName, String status, String exitStatus,
            Map<String, String> parameters, Instant createdAt, Instant startedAt, Instant endedAt, Map<String, Long> counts,
            List<StepView> steps, List<health.leiming.platform.BatchSkip.View> skipped, Long reportsStored) {
    }
}
