package health.leiming.privacy;

import health.leiming.member.FamilyService;
import health.leiming.platform.AuditTrail;
import health.leiming.platform.Page;
import health.leiming.platform.PersonalData;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything we hold about a member in one place (PIPL art. 45): each context's part
 * ({@link PersonalData}), their consents, and the audit entries about them and their people. The export
 * itself is audited.
 */
@Stateless
@LocalBean
public class PersonalDataExport {

    /** The audit entries an export carries at most (the newest); the rest stay available to an admin. */
    static final int AUDIT_ENTRIES = 5_000;

    @Inject
    @Any
    Instance<PersonalData> parts;

    @Inject
    FamilyService family;

    @Inject
    ConsentService consents;

    @Inject
    AuditTrail audit;

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Map<String, Object> everything(String memberId) {
        List<String> persons = family.idsOf(memberId);
        Map<String, Object> areas = new TreeMap<>();
        parts.forEach(part -> areas.put(part.area(), part.of(memberId, persons)));
        areas.put("consents", Page.all(page -> consents.history(memberId, page)));
        areas.put("auditLog", audit.about(memberId, persons, AUDIT_ENTRIES));
        Map<String, Object> export = new LinkedHashMap<>();
        export.put("memberId", memberId);
        export.put("generatedAt", Instant.now());
        export.putAll(areas);
        audit.queue(memberId, "member", memberId, "privacy.export", null, AuditTrail.SUCCESS);
        return export;
    }
}
