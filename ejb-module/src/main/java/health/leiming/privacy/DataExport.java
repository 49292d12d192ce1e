package health.leiming.privacy;

import health.leiming.platform.BusinessException;
import health.leiming.platform.ErrorKind;
import health.leiming.platform.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;

/**
 * A copy of everything held about a member, prepared in the background and offered for download until it
 * expires (PIPL art. 45). The archive is stored encrypted; the retention job deletes it after expiry.
 */
@Entity
@Table(name = "data_exports")
public class DataExport {

    /** The purpose (FieldCipher) the archive is encrypted under. */
    static final String ARCHIVE = "data_exports.archive";

    public enum Status {
        pending, ready, failed
    }

    @Id
    private String id;

    @Column(name = "member_id", nullable = false)
    private String memberId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    /** When a server started the job that prepares it (the claim: one server does). */
    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "ready_at")
    private Instant readyAt;

    /** Until when it is offered; for a pending export, until when it may still be prepared. */
    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    private String archive;

    @Column(name = "size_bytes")
    private Long sizeBytes;

    private int downloads;

    @Version
    private long version;

    protected DataExport() {
    }

    static DataExport request(String memberId, Instant now, Duration preparation) {
        DataExport export = new DataExport();
        export.id = Ids.newId();
        export.memberId = memberId;
        export.status = Status.pending;
        export.requestedAt = now;
        export.expiresAt = now.plus(preparation);
        return export;
    }

    void ready(String encryptedArchive, long size, Instant now, Duration offeredFor) {
        status = Status.ready;
        archive = encryptedArchive;
        sizeBytes = size;
        readyAt = now;
        expiresAt = now.plus(offeredFor);
    }

    void failed() {
        status = Status.failed;
    }

    /** The encrypted archive, counted as a download; refused while pending, after a failure or expiry. */
    String download(Instant now) {
        if (status == Status.ready && !now.isBefore(expiresAt)) {
            throw new BusinessException(ErrorKind.GONE, "EXPORT_EXPIRED", "该副本已过期，请重新申请");
        }
        if (status != Status.ready) {
            throw new BusinessException(ErrorKind.CONFLICT, "EXPORT_NOT_READY",
                    pending(now) ? "副本正在生成，请稍后再试" : "副本生成失败，请重新申请");
        }
        downloads++;
        return archive;
    }

    boolean pending(Instant now) {
        return status == Status.pending && now.isBefore(expiresAt);
    }

    boolean belongsTo(String member) {
        return memberId.equals(member);
    }

    String id() {
        return id;
    }

    String memberId() {
        return memberId;
    }

    Status status() {
        return status;
    }

    public DataExportView view() {
        return new DataExportView(id, status.name(), requestedAt, readyAt, status == Status.ready ? expiresAt : null,
                sizeBytes, downloads, status == Status.ready ? "/api/v1/privacy/exports/" + id + "/archive" : null);
    }

    /** What the member sees of an export: its state, and where to download it while it is offered. */
    public record DataExportView(String id, String status, Instant requestedAt, Instant readyAt, Instant expiresAt,
            Long sizeBytes, int downloads, String download) {
    }
}
