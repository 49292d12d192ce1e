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

/**
 * A scheduled run of a job, claimed by the first server to reach it: the key makes a second claim fail. The
 * server running it beats (heartbeat_at) until it ends (finished_at); a run whose server stopped beating is
 * taken over by another (ScheduledRuns.takeOver).
 */
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

    @Column(name = "heartbeat_at")
    private Instant heartbeatAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    protected ScheduledRun() {
    }

    ScheduledRun(String jobName, Instant fireTime, String claimedBy, Instant now) {
        this.jobName = jobName;
        this.fireTime = utc(fireTime);
        this.claimedBy = claimedBy;
        this.claimedAt = now;
        this.heartbeatAt = now;
    }

    static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    void started(long executionId) {
        this.executionId = executionId;
    }

    public String jobName() {
        return jobName;
    }

    public Instant fireTime() {
        return fireTime.toInstant(ZoneOffset.UTC);
    }

    public String claimedBy() {
        return claimedBy;
    }

    public Long executionId() {
        return executionId;
    }

    public Instant heartbeatAt() {
        return heartbeatAt;
    }

    void beat(Instant now) {
        heartbeatAt = now;
    }

    void finished(Instant now) {
        finishedAt = now;
    }

    void takenOverBy(String claimant, Instant now) {
        claimedBy = claimant;
        heartbeatAt = now;
    }

    public record Key(String jobName, LocalDateTime fireTime) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
