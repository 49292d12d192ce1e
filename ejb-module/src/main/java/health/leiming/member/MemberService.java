package health.leiming.member;

import health.leiming.member.MemberEvents.MemberRegistered;
import health.leiming.platform.BusinessException;
import health.leiming.platform.FieldCipher;
import health.leiming.platform.Logs;
import health.leiming.platform.events.Outbox;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Members: registration on first login, reading and editing one's own profile. */
@Stateless
public class MemberService {

    private static final Logger LOG = Logs.get(MemberService.class);

    @PersistenceContext(unitName = "leiming")
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    FieldCipher cipher;

    @Inject
    Event<Registered> registered;

    @Inject
    @ConfigProperty(name = "leiming.business-zone", defaultValue = "Asia/Shanghai")
    ZoneId businessZone;

    /** A read: no transaction (one statement on the connection, see CostLadder.read). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public MemberProfile profile(String memberId) {
        return find(memberId).profile(cipher);
    }

    public MemberProfile updateProfile(String memberId, ProfileChanges changes) {
        Member member = find(memberId);
        Instant now = Instant.now();
        member.changeProfile(changes, now, LocalDate.ofInstant(now, businessZone));
        return member.profile(cipher);
    }

    /** Fired in the registering transaction; observers count it after the commit. */
    public record Registered(String memberId) {
    }

    /** How to reach a member who has an account (notifications); empty when the account is gone. */
    public Optional<MemberContact> contactOf(String memberId) {
        Member member = memberId == null ? null : em.find(Member.class, memberId);
        return member == null ? Optional.empty() : Optional.of(new MemberContact(member.phone(cipher), member.wechatOpenid()));
    }

    /** A member's phone and WeChat openid (null until linked), for the channels that reach them. */
    public record MemberContact(String phone, String wechatOpenid) {
    }

    /** The id of the member with this phone number, as typed by an operator (any text: no match is empty). */
    public Optional<String> idByPhone(String phone) {
        return em.createQuery("select m.id from Member m where m.phoneHash in :hashes or m.phone = :phone", String.class)
                .setParameter("hashes", cipher.blindIndexes(Member.PHONE, phone)).setParameter("phone", phone)
                .getResultStream().findFirst();
    }

    /** The member with this phone: by its blind index, or in clear in a row not yet encrypted. */
    public Optional<Member> byPhone(PhoneNumber phone) {
        return em.createQuery("select m from Member m where m.phoneHash in :hashes or m.phone = :phone", Member.class)
                .setParameter("hashes", cipher.blindIndexes(Member.PHONE, phone.value())).setParameter("phone", phone.value())
                .getResultStream().findFirst();
    }

    /** Registers a member and announces it (outbox event member.registered, same transaction). */
    public Member register(PhoneNumber phone, Instant now) {
        Member member = Member.register(phone, cipher, now);
        em.persist(member);
        em.persist(Person.self(member, now));
        outbox.publish(new MemberRegistered(member.id(), now));
        registered.fire(new Registered(member.id()));
        LOG.info(() -> "Registered member " + member.id() + " (" + phone + ")");
        return member;
    }

    /** Sample data for the run command: a member with a name, registered like any other. */
    public void ensureSampleMember(PhoneNumber phone, String name) {
        if (byPhone(phone).isEmpty()) {
            Instant now = Instant.now();
            register(phone, now).rename(name, now);
            LOG.info(() -> "Sample member " + phone + " (" + name + ") created");
        }
    }

    private Member find(String memberId) {
        Member member = memberId == null ? null : em.find(Member.class, memberId);
        if (member == null) {
            throw BusinessException.notFound("用户");
        }
        return member;
    }
}
