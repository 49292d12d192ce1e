package health.leiming.interop;

import health.leiming.care.Catalog;
import health.leiming.platform.AuditTrail;
import health.leiming.platform.BackgroundLoop;
import health.leiming.platform.BusinessException;
import health.leiming.platform.ErrorKind;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Hospitals' own FHIR servers (admins register them), and the hospital-import job's run over all of them:
 * each connection is imported in a transaction of its own (HospitalImport), and a failing one is recorded
 * with why and does not stop the others; so are the lab results of each patient linked there.
 */
@Stateless
public class HospitalConnections {

    private static final Pattern SETTING = Pattern.compile("[A-Za-z][A-Za-z0-9._-]{0,99}");

    @PersistenceContext(unitName = "leiming")
    EntityManager em;

    @Inject
    Catalog catalog;

    @Inject
    HospitalImport hospitalImport;

    @Inject
    HospitalPatientLinks links;

    @Inject
    AuditTrail audit;

    public HospitalConnection.ConnectionView register(String adminId, String hospitalId, String baseUrl, String tokenSetting) {
        catalog.hospital(hospitalId, true);
        if (!em.createQuery("select c.id from HospitalConnection c where c.hospitalId = :hospital", String.class)
                .setParameter("hospital", hospitalId).getResultList().isEmpty()) {
            throw new BusinessException(ErrorKind.CONFLICT, "CONNECTION_EXISTS", "该医院已有对接配置，请修改它");
        }
        HospitalConnection connection = new HospitalConnection(hospitalId, checkedUrl(baseUrl), checkedSetting(tokenSetting),
                Instant.now());
        em.persist(connection);
        audit.record(adminId, "admin", null, "hospital.connection.create", connection.id(), AuditTrail.SUCCESS);
        return connection.view();
    }

    public HospitalConnection.ConnectionView change(String adminId, String id, String baseUrl, String tokenSetting,
            boolean active) {
        HospitalConnection connection = id == null ? null : em.find(HospitalConnection.class, id);
        if (connection == null) {
            throw BusinessException.notFound("对接配置");
        }
        connection.change(checkedUrl(baseUrl), checkedSetting(tokenSetting), active);
        audit.record(adminId, "admin", null, "hospital.connection.change", id, AuditTrail.SUCCESS);
        return connection.view();
    }

    public List<HospitalConnection.ConnectionView> list() {
        return em.createQuery("select c from HospitalConnection c order by c.createdAt", HospitalConnection.class)
                .getResultStream().map(HospitalConnection::view).toList();
    }

    /**
     * Imports every active connection: its doctors and clinic times, then the lab results of the patients
     * linked there (each in a transaction of its own, so that one failing stops nothing else); answers each
     * connection's result ("ok: ..." or "failed: ...", with the lab results' summary).
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<String> importAll(Instant now) {
        List<String> results = new ArrayList<>();
        for (HospitalConnection connection : em.createQuery("select c from HospitalConnection c where c.active = true"
                + " order by c.createdAt", HospitalConnection.class).getResultList()) {
            String result;
            try {
                result = "ok: " + hospitalImport.run(connection.id(), now);
            } catch (RuntimeException e) {
                Throwable cause = BackgroundLoop.rootCause(e); // the container wraps what the import threw
                result = "failed: " + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
            }
            String labs = links.importHospital(connection.hospitalId(), now);
            if (labs != null) {
                result = result + "; " + labs;
            }
            hospitalImport.record(connection.id(), now, result);
            results.add(result);
        }
        return results;
    }

    private static String checkedUrl(String baseUrl) {
        try {
            URI uri = URI.create(baseUrl == null ? "" : baseUrl.strip());
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null
                    || baseUrl.length() > 500) {
                throw new IllegalArgumentException(baseUrl);
            }
            return baseUrl.strip().replaceAll("/+$", "");
        } catch (IllegalArgumentException e) {
            throw new BusinessException(ErrorKind.BAD_REQUEST, "URL_INVALID", "请填写医院 FHIR 服务器的地址（http:// 或 https://）");
        }
    }

    private static String checkedSetting(String tokenSetting) {
        if (tokenSetting == null || tokenSetting.isBlank()) {
            return null;
        }
        if (!SETTING.matcher(tokenSetting).matches()) {
            throw new BusinessException(ErrorKind.BAD_REQUEST, "SETTING_INVALID",
                    "令牌配置项名只能含字母、数字、点、下划线和短横线（如 LEIMING_HOSPITAL_RUIJIN_TOKEN）");
        }
        return tokenSetting;
    }
}
