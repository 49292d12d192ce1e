package health.leiming.member;

import health.leiming.platform.ActiveAccounts;
import health.leiming.platform.AuditTrail;
import health.leiming.platform.BusinessException;
import health.leiming.platform.ErasureSubject;
import health.leiming.platform.Erasures;
import health.leiming.platform.ErrorKind;
import health.leiming.platform.FieldCipher;
import health.leiming.platform.Ids;
import health.leiming.platform.Logs;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Deleting an account (注销, PIPL art. 47). The member confirms with an SMS code; the account then waits out
 * a cooling-off period (leiming.privacy.deletion-cooling-off, 15 days), during which logging in cancels the
 * request (AuthService.session), and is erased by the nightly job after it. Confirming signs every session
 * out. An account with an order under way cannot be deleted until the order has ended.
 */
@Stateless
public class AccountDeletion {

    private static final Logger LOG = Logs.get(AccountDeletion.class);

    @PersistenceContext(unitName = "leiming")
    EntityManager em;

    @Inject
    AuthService auth;

    @Inject
    Erasures erasures;

    @Inject
    AuditTrail audit;

    @Inject
    ActiveAccounts active;

    @Inject
    FieldCipher cipher;

    @Inject
    @ConfigProperty(name = "leiming.privacy.deletion-cooling-off", defaultValue = "P15D")
    Duration coolingOff;

    /** Whether a deletion is pending, since when, and from when the account may be erased. */
    public record DeletionState(boolean pending, Instant requestedAt, Instant eraseAfter) {
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public DeletionState state(String memberId) {
        return stateOf(member(memberId));
    }

    /**
     * The member confirms deleting the account with the code sent to their phone (scene deletion). Asking
     * again while a request is pending changes nothing.
     */
    public DeletionState request(String memberId, String code) {
        Member member = em.find(Member.class, memberId, LockModeType.PESSIMISTIC_WRITE);
        if (member == null) {
            throw BusinessException.notFound("用户");
        }
        if (member.deletionRequestedAt() != null) {
            return stateOf(member);
        }
        Optional<String> obstacle = erasures.obstacle(subjectOf(member, Ids.newId()));
        if (obstacle.isPresent()) {
            throw new BusinessException(ErrorKind.CONFLICT, "DELETION_BLOCKED", obstacle.get());
        }
        auth.confirm(new PhoneNumber(member.phone(cipher)), SmsScene.deletion, code);
        Instant now = Instant.now();
        member.requestDeletion(now, coolingOff);
        em.createQuery("update RefreshToken t set t.status = :revoked where t.memberId = :member and t.status = :active")
                .setParameter("revoked", RefreshToken.Status.revoked).setParameter("active", RefreshToken.Status.active)
                .setParameter("member", memberId).executeUpdate();
        audit.queue(memberId, "member", memberId, "privacy.deletion.request", null, AuditTrail.SUCCESS);
        LOG.info(() -> "Member " + memberId + " asked to delete their account; erased after " + member.eraseAfter());
        return stateOf(member);
    }

    /** The member changed their mind (logging in does the same). */
    public DeletionState cancel(String memberId) {
        Member member = member(memberId);
        if (member.cancelDeletion(Instant.now())) {
            audit.queue(memberId, "member", memberId, "privacy.deletion.cancel", null, AuditTrail.SUCCESS);
        }
        return stateOf(member);
    }

    /** Accounts whose cooling-off has ended, oldest first. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<String> due(Instant now, int max) {
        return em.createQuery("select m.id from Member m where m.eraseAfter <= :now order by m.eraseAfter, m.id",
                String.class).setParameter("now", now).setMaxResults(max).getResultList();
    }

    /**
     * The account to erase now, locked, with the random ids that replace the member's and their people's in
     * what is kept; empty when it is gone or no longer due (the member logged in meanwhile).
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public Optional<ErasureSubject> dueSubject(String memberId, Instant now) {
        Member member = em.find(Member.class, memberId, LockModeType.PESSIMISTIC_WRITE);
        if (member == null || member.eraseAfter() == null || member.eraseAfter().isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(subjectOf(member, Ids.newId()));
    }

    /** What the kept orders point at instead of the erased account (before it goes; see Member.tombstone). */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void tombstone(ErasureSubject subject) {
        em.persist(Member.tombstone(subject.memberPseudonym(), Instant.now()));
        em.flush();
    }

    /** After an erasure: this server stops accepting the account's tokens at once (the others within seconds). */
    public void forget(String memberId) {
        active.forget(memberId);
    }

    private ErasureSubject subjectOf(Member member, String pseudonym) {
        List<Person> persons = em.createQuery("select p from Person p where p.ownerId = :member", Person.class)
                .setParameter("member", member.id()).getResultList();
        Map<String, String> pseudonyms = new LinkedHashMap<>();
        List<String> phones = new ArrayList<>();
        phones.add(member.phone(cipher));
        List<String> names = new ArrayList<>();
        names.add(member.name());
        for (Person person : persons) {
            pseudonyms.put(person.id(), person.id().equals(member.id()) ? pseudonym : Ids.newId());
            phones.add(person.phone(cipher));
            if (!person.isSelf()) {
                names.add(person.name()); // the member's own person is called 本人 until they name themselves
            }
        }
        return new ErasureSubject(member.id(), true, pseudonym, pseudonyms, phones, names, member.wechatOpenid());
    }

    private static DeletionState stateOf(Member member) {
        return new DeletionState(member.deletionRequestedAt() != null, member.deletionRequestedAt(), member.eraseAfter());
    }

    private Member member(String memberId) {
        Member member = memberId == null ? null : em.find(Member.class, memberId);
        if (member == null) {
            throw BusinessException.notFound("用户");
        }
        return member;
    }
}
