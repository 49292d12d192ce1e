package health.leiming.privacy;

import health.leiming.platform.AuditTrail;
import health.leiming.platform.BusinessException;
import health.leiming.platform.ErrorKind;
import health.leiming.platform.FieldCipher;
import health.leiming.platform.Logs;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The copy of a member's data as a downloadable archive (PIPL art. 45), for when the one-request export
 * (PersonalDataExport) is too much for a phone: the member asks, a batch job prepares it in the
 * background, and it is offered for leiming.privacy.export-offered-for. Each request and each download is
 * in the audit log; the archive is stored encrypted and deleted by the retention job after it expires.
 */
@Stateless
public class DataExports {

    private static final Logger LOG = Logs.get(DataExports.class);
    private static final Jsonb JSON = JsonbBuilder.create(new JsonbConfig().withNullValues(false));

    /** Exports a member may ask for in a day (each is the whole of their data). */
    static final int PER_DAY = 3;

    @PersistenceContext(unitName = "leiming")
    EntityManager em;

    @Inject
    PersonalDataExport export;

    @Inject
    FieldCipher cipher;

    @Inject
    AuditTrail audit;

    @Inject
    @ConfigProperty(name = "leiming.privacy.export-offered-for", defaultValue = "P7D")
    Duration offeredFor;

    /** How long an export may take to prepare before it counts as failed (and another may be asked for). */
    @Inject
    @ConfigProperty(name = "leiming.privacy.export-preparation", defaultValue = "PT1H")
    Duration preparation;

    /** A new export, pending; the background starter (ExportStarter) starts the job that prepares it. */
    public DataExport.DataExportView request(String memberId) {
        Instant now = Instant.now();
        List<DataExport> recent = em.createQuery("select e from DataExport e where e.memberId = :member"
                + " and e.requestedAt > :since", DataExport.class).setParameter("member", memberId)
                .setParameter("since", now.minus(Duration.ofDays(1))).getResultList();
        if (recent.stream().anyMatch(e -> e.pending(now))) {
            throw new BusinessException(ErrorKind.CONFLICT, "EXPORT_IN_PROGRESS", "上一份副本正在生成，请稍后查看");
        }
        if (recent.size() >= PER_DAY) {
            throw new BusinessException(ErrorKind.TOO_MANY_REQUESTS, "EXPORT_TOO_FREQUENT",
                    "每天最多申请" + PER_DAY + "次个人信息副本，请明天再试");
        }
        DataExport created = DataExport.request(memberId, now, preparation);
        em.persist(created);
        audit.record(memberId, "member", memberId, "privacy.export.request", created.id(), AuditTrail.SUCCESS);
        return created.view();
    }

    /**
     * Claims up to max pending exports no server has started yet, for the background starter: it starts
     * their jobs outside any member's request, so that the batch job repository (which records who
     * submitted a job) never names a member.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<String> claimUnstarted(int max) {
        Instant now = Instant.now();
        List<String> unstarted = em.createQuery("select e.id from DataExport e where e.status = :pending"
                + " and e.startedAt is null and e.expiresAt > :now order by e.requestedAt", String.class)
                .setParameter("pending", DataExport.Status.pending).setParameter("now", now)
                .setMaxResults(max).getResultList();
        // Each is claimed by the update that sets its start: of two servers, the one whose update finds it
        // unstarted starts it.
        return unstarted.stream().filter(id -> em.createQuery("update DataExport e set e.startedAt = :now"
                + " where e.id = :id and e.startedAt is null").setParameter("now", now).setParameter("id", id)
                .executeUpdate() == 1).toList();
    }

    public List<DataExport.DataExportView> list(String memberId) {
        return em.createQuery("select e from DataExport e where e.memberId = :member order by e.requestedAt desc",
                DataExport.class).setParameter("member", memberId).setMaxResults(20).getResultStream()
                .map(DataExport::view).toList();
    }

    /**
     * Prepares a pending export (the batch job): everything PersonalDataExport gathers, as JSON, encrypted.
     * Answers false when there is nothing to do (unknown, already prepared, or too late).
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean prepare(String exportId) {
        DataExport pending = exportId == null ? null : em.find(DataExport.class, exportId, LockModeType.PESSIMISTIC_WRITE);
        if (pending == null || !pending.pending(Instant.now())) {
            return false;
        }
        String json = JSON.toJson(export.everything(pending.memberId()));
        pending.ready(cipher.encrypt(DataExport.ARCHIVE, json), json.getBytes(StandardCharsets.UTF_8).length,
                Instant.now(), offeredFor);
        LOG.info(() -> "Data export " + exportId + " ready");
        return true;
    }

    /** Marks an export that could not be prepared, so that the member sees it and may ask again. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void fail(String exportId) {
        Optional.ofNullable(em.find(DataExport.class, exportId)).filter(e -> e.status() == DataExport.Status.pending)
                .ifPresent(DataExport::failed);
    }

    /** The archive as a ZIP with my-data.json in it; only to its member (404 to anyone else), audited. */
    public byte[] download(String memberId, String exportId) {
        DataExport found = exportId == null ? null : em.find(DataExport.class, exportId);
        if (found == null || !found.belongsTo(memberId)) {
            audit.queue(memberId, "member", memberId, "privacy.export.download", exportId, AuditTrail.DENIED);
            throw BusinessException.notFound("个人信息副本");
        }
        String json = cipher.decrypt(DataExport.ARCHIVE, found.download(Instant.now()));
        audit.record(memberId, "member", memberId, "privacy.export.download", exportId, AuditTrail.SUCCESS);
        return zip(json);
    }

    private static byte[] zip(String json) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            zip.putNextEntry(new ZipEntry("my-data.json"));
            zip.write(json.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("说明.txt"));
            zip.write(("这是雷鸣健康为您保存的全部个人信息的副本（JSON 格式）：账户、家庭成员、健康数据及其修改记录、"
                    + "健康计划、报告、解读、订单与支付、评价、消息与聊天、授权记录，以及谁在何时访问过您的数据。"
                    + "请妥善保管。\n").getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
