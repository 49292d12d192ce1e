package health.leiming.interop;

import health.leiming.care.Catalog;
import health.leiming.member.FamilyService;
import health.leiming.member.Person;
import health.leiming.platform.AuditTrail;
import health.leiming.platform.Page;
import health.leiming.platform.PageRequest;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/**
 * Members authorise hospitals (授权医院查看健康数据), person by person, and take it back; a hospital's
 * system sees a person only while its hospital is authorised for them.
 */
@Stateless
public class HospitalConsents {

    @PersistenceContext(unitName = "leiming")
    EntityManager em;

    @Inject
    FamilyService family;

    @Inject
    Catalog catalog;

    @Inject
    AuditTrail audit;

    public List<HospitalConsent.ConsentView> list(String memberId) {
        return em.createQuery("select c from HospitalConsent c where c.memberId = :member order by c.grantedAt desc",
                HospitalConsent.class).setParameter("member", memberId).getResultStream()
                .map(c -> c.view(catalog.hospitalName(c.hospitalId()))).toList();
    }

    /** Authorises an active hospital for one of the member's people (themselves when personId is absent). */
    public HospitalConsent.ConsentView grant(String memberId, String personId, String hospitalId) {
        return audit.audited(memberId, FamilyService.personOrSelf(memberId, personId), "hospital.consent.grant",
                hospitalId, () -> {
                    Person person = family.lockedForHealthChange(memberId, personId); // one row per person and hospital
                    catalog.hospital(hospitalId, false); // 404 for an unknown or inactive hospital
                    Instant now = Instant.now();
                    HospitalConsent consent = find(person.id(), hospitalId);
                    if (consent == null) {
                        consent = new HospitalConsent(memberId, person.id(), hospitalId, now);
                        em.persist(consent);
                    } else if (!consent.granted()) {
                        consent.grant(now);
                    }
                    return consent.view(catalog.hospitalName(hospitalId));
                });
    }

    /** Takes the authorisation back: the hospital's next request for the person finds nothing. */
    public HospitalConsent.ConsentView revoke(String memberId, String personId, String hospitalId) {
        return audit.audited(memberId, FamilyService.personOrSelf(memberId, personId), "hospital.consent.revoke",
                hospitalId, () -> {
                    Person person = family.owned(memberId, personId);
                    HospitalConsent consent = find(person.id(), hospitalId);
                    if (consent == null) {
                        throw health.leiming.platform.BusinessException.notFound("授权");
                    }
                    em.lock(consent, LockModeType.PESSIMISTIC_WRITE);
                    if (consent.granted()) {
                        consent.revoke(Instant.now());
                    }
                    return consent.view(catalog.hospitalName(hospitalId));
                });
    }

    /** Whether the hospital may see the person now. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean granted(String personId, String hospitalId) {
        HospitalConsent consent = personId == null ? null : find(personId, hospitalId);
        return consent != null && consent.granted();
    }

    /** The people who authorised the hospital, oldest authorisation first. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Page<String> persons(String hospitalId, PageRequest page) {
        return page.read(em.createQuery("select c.personId from HospitalConsent c where c.hospitalId = :hospital"
                + " and c.revokedAt is null order by c.grantedAt, c.id", String.class).setParameter("hospital", hospitalId),
                em.createQuery("select count(c) from HospitalConsent c where c.hospitalId = :hospital"
                        + " and c.revokedAt is null", Long.class).setParameter("hospital", hospitalId),
                id -> id);
    }

    private HospitalConsent find(String personId, String hospitalId) {
        return em.createQuery("select c from HospitalConsent c where c.personId = :person and c.hospitalId = :hospital",
                HospitalConsent.class).setParameter("person", personId).setParameter("hospital", hospitalId)
                .getResultStream().findFirst().orElse(null);
    }
}
