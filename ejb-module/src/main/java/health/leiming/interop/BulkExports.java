package health.leiming.interop;

import health.leiming.platform.AuditTrail;
import health.leiming.platform.BusinessException;
import health.leiming.platform.ErrorKind;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * FHIR Bulk Data export for a hospital client (kick-off, status, files, cancel): the people who authorised
 * its hospital and their readings as NDJSON, prepared by the fhir-bulk-export job a page of people at a
 * time (BulkExportPages), kept until {@code leiming.fhir.bulk-export-ttl} has passed.
 */
@Stateless
public class BulkExports {

    /** The types an export may hold. */
    public static final List<String> TYPES = List.of("Patient", "Observation");

    private static final int PEOPLE_PER_PAGE = 100;

    @PersistenceContext(unitName = "leiming")
    EntityManager em;

    @Inject
    BulkExportPages pages;

    @Inject
    AuditTrail audit;

    @Inject
    @ConfigProperty(name = "leiming.fhir.bulk-export-ttl", defaultValue = "PT1H")
    Duration kept;

    /** Accepts an export request: the types asked for (all when none), each allowed by the token's scopes. */
    public String kickOff(HospitalCaller caller, List<String> types, Instant since, String requestUrl) {
        List<String> asked = types.isEmpty() ? TYPES : types;
        for (String type : asked) {
            if (!TYPES.contains(type)) {
                throw new BusinessException(ErrorKind.BAD_REQUEST, "TYPE_UNSUPPORTED",
                        "_type 只支持 " + String.join(",", TYPES) + "，不支持 " + type);
            }
            caller.require(type, FhirScopes.Access.read);
        }
        if (since != null && since.isAfter(Instant.now())) {
            throw new BusinessException(ErrorKind.BAD_REQUEST, "SINCE_FUTURE", "_since 不能晚于现在");
        }
        Instant now = Instant.now();
        BulkExport export = new BulkExport(caller, TYPES.stream().filter(asked::contains).toList(), since, requestUrl, now,
                now.plus(kept));
        em.persist(export);
        audit.record(caller.clientId(), HospitalClients.GROUP, null, "fhir.bulk.kickoff", export.id(), AuditTrail.SUCCESS);
        return export.id();
    }

    /** Where the caller's export is: in progress, its manifest, or why it failed; a 404 for another's. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Progress progress(HospitalCaller caller, String exportId) {
        BulkExport export = own(caller, exportId);
        List<FileEntry> files = export.status() != BulkExport.Status.ready ? List.of() : em.createQuery(
                "select new health.leiming.interop.BulkExports$FileEntry(f.id, f.resourceType, f.resources)"
                        + " from BulkFile f where f.exportId = :export order by f.resourceType, f.seq", FileEntry.class)
                .setParameter("export", export.id()).getResultList();
        return new Progress(export.status().name(), export.requestedAt(), export.requestUrl(), files);
    }

    /** One NDJSON file of the caller's ready export; a 404 for another's, a 410 once expired. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public String file(HospitalCaller caller, String fileId) {
        BulkFile file = fileId == null ? null : em.find(BulkFile.class, fileId);
        if (file == null) {
            throw BusinessException.notFound("文件");
        }
        BulkExport export = own(caller, file.exportId());
        if (export.status() != BulkExport.Status.ready) {
            throw BusinessException.notFound("文件");
        }
        audit.queue(caller.clientId(), HospitalClients.GROUP, null, "fhir.bulk.download", file.id(), AuditTrail.SUCCESS);
        return file.content();
    }

    /** Cancels the caller's export (or deletes a finished one): its files go at once. */
    public void cancel(HospitalCaller caller, String exportId) {
        BulkExport export = own(caller, exportId);
        em.lock(export, LockModeType.PESSIMISTIC_WRITE);
        if (export.status() == BulkExport.Status.cancelled) {
            throw BusinessException.notFound("导出");
        }
        export.cancel(Instant.now());
        em.createQuery("delete from BulkFile f where f.exportId = :export").setParameter("export", export.id()).executeUpdate();
        audit.record(caller.clientId(), HospitalClients.GROUP, null, "fhir.bulk.cancel", export.id(), AuditTrail.SUCCESS);
    }

    /** Claims exports nobody started yet, for this server to start (an update decides between servers). */
    public List<String> claimUnstarted(int max) {
        Instant now = Instant.now();
        List<String> unstarted = em.createQuery("select e.id from BulkExport e where e.status = :pending"
                + " and e.startedAt is null and e.expiresAt > :now order by e.requestedAt", String.class)
                .setParameter("pending", BulkExport.Status.pending).setParameter("now", now).setMaxResults(max).getResultList();
        return unstarted.stream().filter(id -> em.createQuery("update BulkExport e set e.startedAt = :now"
                + " where e.id = :id and e.startedAt is null").setParameter("now", now).setParameter("id", id)
                .executeUpdate() == 1).toList();
    }

    /**
     * Prepares an export (the fhir-bulk-export job): its files are written again from the start (a restarted
     * run leaves no duplicate), a page of people per transaction; then it is ready. Answers false when
     * there is nothing to do (unknown, cancelled, already done).
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public boolean prepare(String exportId) {
        BulkExport export = exportId == null ? null : em.find(BulkExport.class, exportId);
        if (export == null || export.status() != BulkExport.Status.pending) {
            return false;
        }
        pages.clear(exportId);
        for (int page = 1; ; page++) {
            int people = pages.write(exportId, page, PEOPLE_PER_PAGE);
            if (people < 0) {
                return false; // cancelled meanwhile
            }
            if (people < PEOPLE_PER_PAGE) {
                break;
            }
        }
        return pages.finish(exportId);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void fail(String exportId) {
        BulkExport export = exportId == null ? null : em.find(BulkExport.class, exportId);
        if (export != null && export.status() == BulkExport.Status.pending) {
            export.failed(Instant.now());
        }
    }

    private BulkExport own(HospitalCaller caller, String exportId) {
        BulkExport export = exportId == null ? null : em.find(BulkExport.class, exportId);
        if (export == null || !export.clientId().equals(caller.clientId())) {
            throw BusinessException.notFound("导出");
        }
        if (export.expiresAt().isBefore(Instant.now())) {
            throw new BusinessException(ErrorKind.GONE, "EXPORT_EXPIRED", "导出已过期，请重新发起");
        }
        return export;
    }

    /** An export's state and, when ready, its files. */
    public record Progress(String status, Instant requestedAt, String requestUrl, List<FileEntry> files) {
    }

    /** A file of a ready export: its id (for its URL), resource type and number of resources. */
    public record FileEntry(String id, String type, int count) {
    }
}
