package health.leiming.member;

import health.leiming.platform.AuditTrail;
import health.leiming.platform.BusinessException;
import health.leiming.platform.ErasureSubject;
import health.leiming.platform.Erasures;
import health.leiming.platform.ErrorKind;
import health.leiming.platform.FieldCipher;
import health.leiming.platform.Ids;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The people a member looks after: themselves and their family members (就诊人). A member sees and
 * changes only their own people; anyone else's is "not found".
 */
@Stateless
public class FamilyService {

    static final int MAX_PERSONS = 20;

    @PersistenceContext(unitName = "leiming")
    EntityManager em;

    @Inject
    FieldCipher cipher;

    @Inject
    AuditTrail audit;

    @Inject
    Erasures erasures;

    public List<PersonView> list(String memberId) {
        return em.createNamedQuery("Person.ofOwner", Person.class).setParameter("owner", memberId)
                .getResultStream().map(person -> person.view(cipher)).toList();
    }

    public PersonView get(String memberId, String personId) {
        return owned(memberId, personId).view(cipher);
    }

    public PersonView add(String memberId, PersonDetails details) {
        return audit.audited(memberId, null, "person.add", null, () -> addPerson(memberId, details));
    }

    private PersonView addPerson(String memberId, PersonDetails details) {
        long count = em.createQuery("select count(p) from Person p where p.ownerId = :owner", Long.class)
                .setParameter("owner", memberId).getSingleResult();
        if (count >= MAX_PERSONS) {
            throw new BusinessException(ErrorKind.CONFLICT, "TOO_MANY_PERSONS", "最多可添加" + MAX_PERSONS + "位家庭成员");
        }
        Person person = Person.familyMember(memberId, details, cipher, Instant.now());
        refuseDuplicate(memberId, person);
        em.persist(person);
        flushUnique();
        return person.view(cipher);
    }

    public PersonView update(String memberId, String personId, PersonDetails details) {
        return audit.audited(memberId, personId, "person.update", personId, () -> {
            Person person = owned(memberId, personId);
            em.lock(person, LockModeType.PESSIMISTIC_WRITE); // waits for a health write in progress, no lost update
            person.apply(details, cipher, Instant.now());
            refuseDuplicate(memberId, person);
            flushUnique();
            return person.view(cipher);
        });
    }

    /**
     * Removes a family member and erases their data as an account's erasure does (Erasures): health data,
     * interpretations, the messages and notifications that name them; their orders stay with the member,
     * pseudonymised. Refused while an order of theirs is under way.
     */
    public void remove(String memberId, String personId) {
        audit.audited(memberId, personId, "person.remove", personId, () -> {
            Person person = owned(memberId, personId);
            if (person.isSelf()) {
                throw new BusinessException(ErrorKind.CONFLICT, "PERSON_IS_SELF", "不能删除本人");
            }
            em.lock(person, LockModeType.PESSIMISTIC_WRITE); // no reading is being added meanwhile
            ErasureSubject subject = new ErasureSubject(memberId, false, null, Map.of(person.id(), Ids.newId()),
                    List.of(Objects.toString(person.phone(cipher), "")), List.of(person.name()), null);
            erasures.obstacle(subject).ifPresent(reason -> {
                throw new BusinessException(ErrorKind.CONFLICT, "PERSON_HAS_ORDERS_UNDER_WAY", reason);
            });
            em.detach(person);
            erasures.erase(subject);
            return null;
        });
    }

    /** The person an endpoint means: the one named, or the member themselves (same id) when none is. */
    public static String personOrSelf(String memberId, String personId) {
        return personId == null || personId.isBlank() ? memberId : personId;
    }

    /** The member's own person for a null id, else the given person if the member owns it; otherwise 404. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Person owned(String memberId, String personId) {
        Person person = em.find(Person.class, personOrSelf(memberId, personId));
        if (person == null || !person.belongsTo(memberId)) {
            throw BusinessException.notFound("就诊人");
        }
        return person;
    }

    /**
     * The member's person, locked for a change of their health data: one change at a time per person
     * (so that daily roll-ups stay exact), and the person's version moves on with the change, so that
     * every server knows its cached views of the person's data (trends) are stale.
     */
    public Person lockedForHealthChange(String memberId, String personId) {
        // Read and locked in one statement (this is on every health write); someone else's person is
        // then refused like a missing one, and the refusal rolls the lock back at once.
        Person person = em.find(Person.class, personOrSelf(memberId, personId), LockModeType.PESSIMISTIC_FORCE_INCREMENT);
        if (person == null || !person.belongsTo(memberId)) {
            throw BusinessException.notFound("就诊人");
        }
        return person;
    }

    /** Whose a person is and their name (for other contexts' work on them); empty when the person is gone. */
    public Optional<PersonRef> lookup(String personId) {
        Person person = personId == null ? null : em.find(Person.class, personId);
        return person == null ? Optional.empty() : Optional.of(new PersonRef(person.id(), person.ownerId(), person.name()));
    }

    /** The people among these ids that exist, by id (the report job's pages). */
    public Map<String, PersonRef> lookup(Collection<String> personIds) {
        Map<String, PersonRef> persons = new HashMap<>();
        if (!personIds.isEmpty()) {
            em.createQuery("select p from Person p where p.id in :ids", Person.class).setParameter("ids", personIds)
                    .getResultStream().forEach(p -> persons.put(p.id(), new PersonRef(p.id(), p.ownerId(), p.name())));
        }
        return persons;
    }

    /**
     * A person's name, for their own member (messages, reports) and the companion who meets them;
     * empty when the person is gone. Names do not go to anyone else.
     */
    public Optional<String> nameOf(String personId) {
        return lookup(personId).map(PersonRef::name);
    }

    /** The ids of the member's people (themselves and their family members). */
    public List<String> idsOf(String memberId) {
        return em.createQuery("select p.id from Person p where p.ownerId = :owner", String.class)
                .setParameter("owner", memberId).getResultList();
    }

    /**
     * Whether a hospital's patient record is this person's: its ID card number is the person's, or one of
     * its phones is the person's own or (for the member themselves) the member's verified login phone; and
     * its birth date, where both are known, is the person's. Compared here, so that no ID card number or
     * phone of ours leaves the member context.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean sameIdentity(String personId, Collection<String> idCards, Collection<String> phones, LocalDate birthDate) {
        Person person = personId == null ? null : em.find(Person.class, personId);
        if (person == null) {
            return false;
        }
        Member member = person.isSelf() ? em.find(Member.class, person.ownerId()) : null;
        LocalDate ours = person.birthDate() != null ? person.birthDate() : member == null ? null : member.birthDate();
        if (birthDate != null && ours != null && !birthDate.equals(ours)) {
            return false;
        }
        String idCard = person.idCard(cipher);
        if (idCard != null && idCards.stream().anyMatch(c -> c != null && c.strip().equalsIgnoreCase(idCard))) {
            return true;
        }
        Set<String> ownPhones = new HashSet<>();
        Optional.ofNullable(person.phone(cipher)).map(FamilyService::digits).ifPresent(ownPhones::add);
        if (member != null) {
            Optional.ofNullable(member.phone(cipher)).map(FamilyService::digits).ifPresent(ownPhones::add);
        }
        return phones.stream().filter(Objects::nonNull).map(FamilyService::digits).anyMatch(p -> !p.isEmpty() && ownPhones.contains(p));
    }

    /** A phone's digits without China's country code: "+86 138-0000-0000" is 13800000000. */
    private static String digits(String phone) {
        String digits = phone.replaceAll("[^0-9]", "");
        return digits.length() == 13 && digits.startsWith("86") ? digits.substring(2) : digits;
    }

    /** A person as other contexts know them: id, owning member, name. */
    public record PersonRef(String id, String ownerId, String name) {
    }

    /**
     * The same ID card twice in one family is refused. The unique key catches it for values hashed under
     * one key; while keys rotate, a family member may still be indexed under an older one, so every hash
     * the number may carry is looked for.
     */
    private void refuseDuplicate(String memberId, Person person) {
        String idCard = person.idCard(cipher);
        if (idCard == null) {
            return;
        }
        long same = em.createQuery("select count(p) from Person p where p.ownerId = :owner and p.id <> :self"
                + " and p.idCardHash in :hashes", Long.class).setParameter("owner", memberId)
                .setParameter("self", person.id()).setParameter("hashes", cipher.blindIndexes(Person.ID_CARD, idCard))
                .getSingleResult();
        if (same > 0) {
            throw new BusinessException(ErrorKind.CONFLICT, "PERSON_DUPLICATE", "该身份证号码的家庭成员已存在");
        }
    }

    private void flushUnique() {
        try {
            em.flush();
        } catch (PersistenceException e) {
            throw new BusinessException(ErrorKind.CONFLICT, "PERSON_DUPLICATE", "该身份证号码的家庭成员已存在");
        }
    }
}
