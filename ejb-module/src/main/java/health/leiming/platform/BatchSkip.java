package health.leiming.platform;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One item a job execution skipped (bad data), and why: the job's summary lists them. */
@Entity
@Table(name = "batch_skips")
public class BatchSkip {

    @Id
    private String id;

    @Column(name = "execution_id", nullable = false)
    private long executionId;

    @Column(name = "job_name", nullable = false)
    private String jobName;

    @Column(nullable = false)
    private String item;

    @Column(nullable = false)
    private String reason;

    @Column(name = "skipped_at", nullable = false)
    private Instant skippedAt;

    protected BatchSkip() {
    }

    public BatchSkip(long executionId, String jobName, String item, String reason, Instant now) {
        this.id = Ids.newId();
        this.executionId = executionId;
        this.jobName = jobName;
        this.item = item;
        this.reason = reason.length() > 500 ? reason.substring(0, 500) : reason;
        this.skippedAt = now;
    }

    public View view() {
        return new View(item, reason, skippedAt);
    }

    public record View(String item, String reason, Instant skippedAt) {
    }
}
