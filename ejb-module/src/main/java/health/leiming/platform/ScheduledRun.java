package health.leiming.platform;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** A scheduled run of a job, claimed by the first server to reach it: the key makes a second claim fail. */
@Entity
@Table(name = "job_schedule_claims")
@IdClass(ScheduledRun.Key.class)
public class ScheduledRun {

    @Id
    @Column(name = "job_name")
    private String jobName;

    /** UTC (JPA converters do not apply to ids). */
    @Id
    @Column(name = "fire_time")
    private LocalDateTime fireTime;

    @Column(name = "claimed_by", nullable = false)
    private String claimedBy;

    @Column(name = "claimed_at", nullable = false)
    private Instant claimedAt;

    @Column(name = "execution_id")
    private Long executionId;

    protected ScheduledRun() {
    }

    ScheduledRun(String jobName, Instant fireTime, String claimedBy, Instant now) {
        this.jobName = jobName;
        this.fireTime = utc(fireTime);
        this.claimedBy = claimedBy;
        this.claimedAt = now;
    }

    static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    void started(long executionId) {
        this.executionId = executionId;
    }

    public record Key(String jobName, LocalDateTime fireTime) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
