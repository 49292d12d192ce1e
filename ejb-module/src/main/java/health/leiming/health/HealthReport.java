package health.leiming.health;

import health.leiming.platform.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** One person's report for one period; at most one per person and period. Content is the view as JSON. */
@Entity
@Table(name = "health_reports")
public class HealthReport {

    @Id
    private String id;

    @Column(name = "person_id", nullable = false)
    private String personId;

    @Column(name = "owner_id", nullable = false)
    private String ownerId;

    @Enumerated(EnumType.STRING)
    @Column(name = "period_type", nullable = false)
    private ReportPeriod.Type periodType;

    @Column(name = "period_start", nullable = false)
    private LocalDate periodStart;

    @Column(name = "period_end", nullable = false)
    private LocalDate periodEnd;

    @Column(nullable = false)
    private int readings;

    @Column(name = "risk_count", nullable = false)
    private int riskCount;

    @Column(nullable = false)
    private String content;

    @Column(name = "job_execution_id")
    private Long jobExecutionId;

    @Column(name = "generated_at", nullable = false)
    private Instant generatedAt;

    @Column(name = "read_at")
    private Instant readAt;

    protected HealthReport() {
    }

    HealthReport(String personId, String ownerId, ReportPeriod period, int readings, int riskCount, String content,
            Long jobExecutionId, Instant now) {
        this.id = Ids.newId();
        this.personId = personId;
        this.ownerId = ownerId;
        this.periodType = period.type();
        this.periodStart = period.start();
        this.periodEnd = period.end();
        this.readings = readings;
        this.riskCount = riskCount;
        this.content = content;
        this.jobExecutionId = jobExecutionId;
        this.generatedAt = now;
    }

    /** Regenerated: new content, unread again. */
    void replace(int readings, int riskCount, String content, Long jobExecutionId, Instant now) {
        this.readings = readings;
        this.riskCount = riskCount;
        this.content = content;
        this.jobExecutionId = jobExecutionId;
        this.generatedAt = now;
        this.readAt = null;
    }

    void markRead(Instant now) {
        if (readAt == null) {
            readAt = now;
        }
    }

    public String id() {
        return id;
    }

    String ownerId() {
        return ownerId;
    }

    String personId() {
        return personId;
    }

    String content() {
        return content;
    }

    boolean isRead() {
        return readAt != null;
    }

    Instant generatedAt() {
        return generatedAt;
    }

    ReportView.Summary summary(String title) {
        return new ReportView.Summary(id, personId, periodType.name(), periodStart, periodEnd, title, readings, riskCount,
                generatedAt, readAt != null);
    }
}
