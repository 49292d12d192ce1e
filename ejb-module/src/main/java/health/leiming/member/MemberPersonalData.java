package health.leiming.member;

import health.leiming.platform.FieldCipher;
import health.leiming.platform.Masking;
import health.leiming.platform.PersonalData;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The member's account, their people (themselves and family members) and their sessions, for the export. */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class MemberPersonalData implements PersonalData {

    @PersistenceContext(unitName = "leiming")
    EntityManager em;

    @Inject
    FamilyService family;

    @Inject
    FieldCipher cipher;

    public record Account(Profile profile, boolean wechatLinked, List<PersonView> persons, List<Session> sessions) {
    }

    public record Profile(String id, String name, String phone, String avatar, String gender, LocalDate birthDate,
            String membershipLevel, String status, Instant createdAt) {
    }

    /** A login session (a refresh token; its value is never kept, only a hash, and never exported). */
    public record Session(Instant createdAt, Instant expiresAt, String status) {
    }

    @Override
    public String area() {
        return "account";
    }

    @Override
    public Object of(String memberId, List<String> personIds) {
        Member member = em.find(Member.class, memberId);
        if (member == null) {
            return null;
        }
        MemberProfile p = member.profile(cipher);
        Profile profile = new Profile(p.id(), p.name(), Masking.phone(p.phone()), p.avatar(),
                p.gender() == null ? null : p.gender().name(), p.birthDate(), String.valueOf(p.membershipLevel()),
                String.valueOf(p.status()), p.createdAt());
        List<Session> sessions = em.createQuery("select t from RefreshToken t where t.memberId = :member"
                + " order by t.createdAt desc", RefreshToken.class).setParameter("member", memberId).getResultStream()
                .map(RefreshToken::session).toList();
        return new Account(profile, member.wechatOpenid() != null, family.list(memberId), sessions);
    }
}
