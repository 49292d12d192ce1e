package health.leiming.batch;

import health.leiming.health.ReportPeriod;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Properties;

/** The report job's parameters, read back from the job's properties. */
record ReportParameters(ReportPeriod period, boolean regenerate, long itemDelayMillis) {

    static ReportParameters of(Properties job) {
        ZoneId zone = ZoneId.of(job.getProperty("zone"));
        ReportPeriod period = ReportPeriod.of(job.getProperty("period"), LocalDate.parse(job.getProperty("date")), zone);
        return new ReportParameters(period, Boolean.parseBoolean(job.getProperty("regenerate", "false")),
                Long.parseLong(job.getProperty("itemDelayMillis", "0")));
    }
}
