package health.leiming.health;

import health.leiming.member.FamilyService;
import health.leiming.member.Person;
import health.leiming.platform.AuditTrail;
import health.leiming.platform.BusinessException;
import health.leiming.platform.ErrorKind;
import health.leiming.platform.FieldCipher;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads and saves a person's health profile and health tags; owner only, audited. */
@Stateless
public class HealthProfileService {

    static final int MAX_TAGS = 20;

    @PersistenceContext(unitName = "leiming")
    EntityManager em;

    @Inject
    FamilyService family;

    @Inject
    AuditTrail audit;

    @Inject
    EmergencyContacts contacts;

    @Inject
    FieldCipher cipher;

    public ProfileView get(String memberId, String personId) {
        return audit.auditedRead(memberId, FamilyService.personOrSelf(memberId, personId), "health.profile.read", null, () -> {
            Person person = family.owned(memberId, personId);
            HealthProfile profile = em.find(HealthProfile.class, person.id());
            return profile == null ? HealthProfile.empty(person.id(), tags(person.id())) : view(profile);
        });
    }

    public ProfileView save(String memberId, String personId, ProfileInput input) {
        return audit.audited(memberId, FamilyService.personOrSelf(memberId, personId), "health.profile.update", null, () -> {
            Person person = family.lockedForHealthChange(memberId, personId); // height classifies weight readings
            Instant now = Instant.now();
            HealthProfile profile = em.find(HealthProfile.class, person.id());
            if (profile == null) {
                profile = new HealthProfile(person.id(), now);
                em.persist(profile);
            }
            profile.update(input, now, cipher);
            return view(profile);
        });
    }

    public List<String> replaceTags(String memberId, String personId, List<String> tags) {
        return audit.audited(memberId, FamilyService.personOrSelf(memberId, personId), "health.tags.update", null, () -> {
            Person person = family.owned(memberId, personId);
            Set<String> unique = new LinkedHashSet<>();
            for (String tag : tags) {
                if (tag != null && !tag.isBlank()) {
                    unique.add(tag.strip());
                }
            }
            if (unique.size() > MAX_TAGS) {
                throw new BusinessException(ErrorKind.BAD_REQUEST, "TOO_MANY_TAGS", "最多" + MAX_TAGS + "个健康标签");
            }
            em.createQuery("delete from HealthTag t where t.personId = :person").setParameter("person", person.id())
                    .executeUpdate();
            unique.forEach(tag -> em.persist(new HealthTag(person.id(), tag)));
            return List.copyOf(unique);
        });
    }

    /** The person's height in cm (for BMI of weight readings), or null. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public BigDecimal heightOf(String personId) {
        HealthProfile profile = em.find(HealthProfile.class, personId);
        return profile == null ? null : profile.heightCm();
    }

    /** The heights (cm) of these people that have one, by person id. */
    public Map<String, BigDecimal> heightsOf(Collection<String> personIds) {
        Map<String, BigDecimal> heights = new HashMap<>();
        if (!personIds.isEmpty()) {
            em.createQuery("select p from HealthProfile p where p.personId in :ids and p.heightCm is not null",
                    HealthProfile.class).setParameter("ids", personIds).getResultStream()
                    .forEach(p -> heights.put(p.personId(), p.heightCm()));
        }
        return heights;
    }

    /**
     * The health tags of these people (a member and their family, from FamilyService.idsOf), for what
     * to recommend reading.
     */
    public List<String> tagsOf(List<String> persons) {
        return persons.isEmpty() ? List.of() : em.createQuery("select distinct t.tag from HealthTag t"
                + " where t.personId in :persons", String.class).setParameter("persons", persons).getResultList();
    }

    private ProfileView view(HealthProfile profile) {
        return profile.view(tags(profile.personId()), contacts.isVerified(profile.personId(), profile.emergencyPhone(cipher)),
                cipher);
    }

    private List<String> tags(String personId) {
        return em.createQuery("select t from HealthTag t where t.personId = :person order by t.tag", HealthTag.class)
                .setParameter("person", personId).getResultStream().map(HealthTag::tag).toList();
    }

}
