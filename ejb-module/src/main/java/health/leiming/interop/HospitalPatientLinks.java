package health.leiming.interop;

import health.leiming.care.Catalog;
import health.leiming.integration.HospitalFhirServer;
import health.leiming.member.FamilyService;
import health.leiming.member.Person;
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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;

/**
 * 关联就诊卡: a member links one of their people to their patient record at a hospital whose FHIR server
 * is connected, by the card or record number the hospital gave them. The record must be the person's (its
 * ID card number or a phone agrees with ours, its birth date does not disagree), or anyone could read a
 * stranger's results by guessing a card number. While linked, the person's lab results are imported: at
 * once, then with every hospital-import run.
 */
@Stateless
public class HospitalPatientLinks {

    private static final Pattern CARD = Pattern.compile("[A-Za-z0-9-]{1,64}");

    @PersistenceContext(unitName = "leiming")
    EntityManager em;

    @Inject
    FamilyService family;

    @Inject
    Catalog catalog;

    @Inject
    HospitalFhirServer server;

    @Inject
    LabImport labImport;

    @Inject
    AuditTrail audit;

    public List<HospitalPatientLink.LinkView> list(String memberId) {
        return em.createQuery("select l from HospitalPatientLink l where l.memberId = :member order by l.linkedAt desc",
                HospitalPatientLink.class).setParameter("member", memberId).getResultStream()
                .map(l -> l.view(catalog.hospitalName(l.hospitalId()))).toList();
    }

    /** Links the person (the member when personId is absent) to the hospital's patient record with that card number. */
    public HospitalPatientLink.LinkView link(String memberId, String personId, String hospitalId, String cardNumber) {
        return audit.audited(memberId, FamilyService.personOrSelf(memberId, personId), "hospital.patient.link", hospitalId,
                () -> {
                    Person person = family.owned(memberId, personId);
                    String card = cardNumber == null ? "" : cardNumber.strip();
                    if (!CARD.matcher(card).matches()) {
                        throw new BusinessException(ErrorKind.BAD_REQUEST, "CARD_INVALID",
                                "请填写医院的就诊卡号或病历号（字母、数字或短横线，64位以内）");
                    }
                    catalog.hospital(hospitalId, false); // 404 for an unknown or inactive hospital
                    HospitalConnection connection = connectionOf(em, hospitalId);
                    if (connection == null) {
                        throw new BusinessException(ErrorKind.CONFLICT, "HOSPITAL_NOT_CONNECTED",
                                "该医院尚未开通检验结果同步");
                    }
                    Patient patient = patientWithCard(connection, card);
                    if (!family.sameIdentity(person.id(), LabMapping.idCards(patient), LabMapping.phones(patient),
                            LabMapping.birthDate(patient))) {
                        throw new BusinessException(ErrorKind.BAD_REQUEST, "PATIENT_NOT_MATCHED",
                                "该就诊卡在医院登记的身份证号或手机号与就诊人不一致，无法关联");
                    }
                    Instant now = Instant.now();
                    String masked = "****" + card.substring(Math.max(0, card.length() - 4));
                    HospitalPatientLink link = find(person.id(), hospitalId);
                    if (link == null) {
                        link = new HospitalPatientLink(memberId, person.id(), hospitalId, patient.getIdElement().getIdPart(),
                                masked, now);
                        em.persist(link);
                        flushUnique();
                    } else {
                        link.relink(patient.getIdElement().getIdPart(), masked, now);
                    }
                    return link.view(catalog.hospitalName(hospitalId));
                });
    }

    /** Ends the link: nothing more is imported; the lab reports already imported stay with the person's data. */
    public void unlink(String memberId, String personId, String hospitalId) {
        audit.audited(memberId, FamilyService.personOrSelf(memberId, personId), "hospital.patient.unlink", hospitalId, () -> {
            Person person = family.owned(memberId, personId);
            HospitalPatientLink link = find(person.id(), hospitalId);
            if (link == null) {
                throw BusinessException.notFound("就诊卡关联");
            }
            em.remove(link);
            return null;
        });
    }

    /** Imports the linked person's lab results now (after linking); the link answers how it went. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public HospitalPatientLink.LinkView importNow(String memberId, String personId, String hospitalId) {
        HospitalPatientLink link = find(family.owned(memberId, personId).id(), hospitalId);
        if (link == null) {
            throw BusinessException.notFound("就诊卡关联");
        }
        run(link.id(), Instant.now());
        return labImport.view(link.id()); // read afresh: this method's own reads may be of before the import
    }

    /** Imports the lab results of every patient linked at the hospital; answers a summary (ASCII), or null for none. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public String importHospital(String hospitalId, Instant now) {
        List<String> links = em.createQuery("select l.id from HospitalPatientLink l where l.hospitalId = :hospital"
                + " order by l.linkedAt", String.class).setParameter("hospital", hospitalId).getResultList();
        if (links.isEmpty()) {
            return null;
        }
        long failed = links.stream().filter(id -> !run(id, now)).count();
        return "lab results of " + links.size() + " linked patients, " + failed + " failed";
    }

    /** The hospital's connection while it is active; null otherwise. */
    static HospitalConnection connectionOf(EntityManager em, String hospitalId) {
        return em.createQuery("select c from HospitalConnection c where c.hospitalId = :hospital and c.active = true",
                HospitalConnection.class).setParameter("hospital", hospitalId).getResultStream().findFirst().orElse(null);
    }

    private boolean run(String linkId, Instant now) {
        try {
            return !labImport.run(linkId, now).startsWith("failed");
        } catch (RuntimeException e) {
            Throwable cause = BackgroundLoop.rootCause(e); // the container wraps what the import threw
            labImport.failed(linkId, now, cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
            return false;
        }
    }

    /**
     * The one active Patient of the hospital with the card number among its identifiers. The match is ours:
     * a server that ignored the search parameter must not hand us someone else.
     */
    private Patient patientWithCard(HospitalConnection connection, String card) {
        List<Resource> found;
        try {
            found = server.search(connection.baseUrl(), connection.bearerToken(), "Patient", Map.of("identifier", card));
        } catch (IllegalStateException e) {
            throw new BusinessException(ErrorKind.UNAVAILABLE, "HOSPITAL_UNAVAILABLE", "暂时无法连接医院系统，请稍后再试");
        }
        List<Patient> patients = found.stream().filter(r -> r instanceof Patient).map(r -> (Patient) r)
                .filter(p -> !p.hasActive() || p.getActive())
                .filter(p -> p.getIdentifier().stream().anyMatch(i -> card.equals(i.getValue()))).toList();
        if (patients.size() != 1) {
            throw new BusinessException(ErrorKind.BAD_REQUEST, "PATIENT_NOT_FOUND", patients.isEmpty()
                    ? "未在该医院找到这个就诊卡号或病历号" : "该号码在医院对应多位患者，请改用病历号");
        }
        return patients.get(0);
    }

    private HospitalPatientLink find(String personId, String hospitalId) {
        return em.createQuery("select l from HospitalPatientLink l where l.personId = :person and l.hospitalId = :hospital",
                HospitalPatientLink.class).setParameter("person", personId).setParameter("hospital", hospitalId)
                .getResultStream().findFirst().orElse(null);
    }

    private void flushUnique() {
        try {
            em.flush();
        } catch (jakarta.persistence.PersistenceException e) {
            throw new BusinessException(ErrorKind.CONFLICT, "LINK_EXISTS", "该就诊人已关联这家医院，请刷新后再试");
        }
    }
}
