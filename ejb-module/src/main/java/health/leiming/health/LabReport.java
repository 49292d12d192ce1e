package health.leiming.health;

import health.leiming.platform.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;

/**
 * A lab report imported from a hospital for one person (the member linked the person's hospital patient
 * record): one per person, hospital and hospital report id; an amended report replaces its results.
 */
@Entity
@Table(name = "lab_reports")
public class LabReport {

    @Id
    private String id;

    @Column(name = "owner_id", nullable = false)
    private String ownerId;

    @Column(name = "person_id", nullable = false)
    private String personId;

    @Column(name = "hospital_id", nullable = false)
    private String hospitalId;

    @Column(name = "hospital_name")
    private String hospitalName;

    @Column(name = "source_id", nullable = false)
    private String sourceId;

    @Column(nullable = false)
    private String name;

    private String category;

    @Column(nullable = false)
    private String status;

    @Column(name = "effective_at")
    private Instant effectiveAt;

    @Column(name = "issued_at")
    private Instant issuedAt;

    private String conclusion;

    @Column(name = "result_count", nullable = false)
    private int resultCount;

    @Column(name = "out_of_range", nullable = false)
    private int outOfRange;

    /** A digest of what the hospital sent: an import that brings nothing new changes nothing. */
    @Column(nullable = false)
    private String fingerprint;

    @Column(name = "imported_at", nullable = false)
    private Instant importedAt;

    @Version
    private long version;

    protected LabReport() {
    }

    LabReport(String ownerId, String personId, String hospitalId, String sourceId) {
        this.id = Ids.newId();
        this.ownerId = ownerId;
        this.personId = personId;
        this.hospitalId = hospitalId;
        this.sourceId = sourceId;
    }

    void apply(LabReportInput input, String hospitalName, String fingerprint, List<LabResult> results, Instant now) {
        this.hospitalName = hospitalName;
        this.name = input.name();
        this.category = input.category();
        this.status = input.status();
        this.effectiveAt = input.effectiveAt();
        this.issuedAt = input.issuedAt();
        this.conclusion = input.conclusion();
        this.resultCount = results.size();
        this.outOfRange = (int) results.stream().filter(LabResult::outOfRange).count();
        this.fingerprint = fingerprint;
        this.importedAt = now;
    }

    String id() {
        return id;
    }

    String ownerId() {
        return ownerId;
    }

    String personId() {
        return personId;
    }

    String fingerprint() {
        return fingerprint;
    }

    LabReportView view(List<LabResult> results) {
        return new LabReportView(id, personId, hospitalId, hospitalName, name, category, status, effectiveAt, issuedAt,
                conclusion, results.stream().map(LabResult::view).toList(), importedAt);
    }

    LabReportView.Summary summary() {
        return new LabReportView.Summary(id, personId, hospitalId, hospitalName, name, effectiveAt, issuedAt, resultCount,
                outOfRange, importedAt);
    }
}
