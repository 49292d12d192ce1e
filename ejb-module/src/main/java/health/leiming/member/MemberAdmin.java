package health.leiming.member;

import health.leiming.platform.ActiveAccounts;
import health.leiming.platform.BusinessException;
import health.leiming.platform.ErrorKind;
import health.leiming.platform.FieldCipher;
import health.leiming.platform.Filter;
import health.leiming.platform.Logs;
import health.leiming.platform.Page;
import health.leiming.platform.PageRequest;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * Member management (会员管理) for admins: search with masked personal data, membership level,
 * suspension (the member's sessions end and they cannot log in) and reactivation.
 */
@Stateless
public class MemberAdmin {

    private static final Logger LOG = Logs.get(MemberAdmin.class);

    @PersistenceContext(unitName = "leiming")
    EntityManager em;

    @Inject
    ActiveAccounts active;

    @Inject
    FieldCipher cipher;

    /** By phone (exactly, 11 digits) or part of the name; optionally by status and level. */
    public Page<AdminMemberView> search(String q, String status, String level, PageRequest page) {
        String term = q == null || q.isBlank() ? null : q.strip();
        Filter filter = new Filter();
        if (term != null && term.matches("\\d{11}")) {
            filter.and("(m.phoneHash in :hashes or m.phone = :phone)", "hashes", cipher.blindIndexes(Member.PHONE, term))
                    .bind("phone", term);
        } else if (term != null) {
            filter.and("m.name like :name escape '!'", "name",
                    "%" + term.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        }
        filter.andIfGiven("m.status = :status", "status", status == null || status.isBlank() ? null : parseStatus(status))
                .andIfGiven("m.membershipLevel = :level", "level",
                        level == null || level.isBlank() ? null : level.strip().toLowerCase(Locale.ROOT));
        return page.read(em, Member.class, "Member m", filter, "m.createdAt desc, m.id", m -> m.adminView(cipher));
    }

    /** One member as admins see them (phone and name masked). */
    public AdminMemberView get(String memberId) {
        return member(memberId).adminView(cipher);
    }

    public AdminMemberView setLevel(String adminId, String memberId, String level) {
        Member member = member(memberId);
        member.setMembershipLevel(level == null ? "" : level.strip().toLowerCase(Locale.ROOT), Instant.now());
        LOG.info(() -> "Admin " + adminId + " set member " + memberId + " to level " + level);
        return member.adminView(cipher);
    }

    /** Suspends: the member's refresh tokens are revoked and their access tokens stop working. */
    public AdminMemberView suspend(String adminId, String memberId) {
        Member member = member(memberId);
        Instant now = Instant.now();
        member.setStatus(MemberStatus.suspended, now);
        em.createQuery("update RefreshToken t set t.status = :revoked where t.memberId = :member and t.status = :active")
                .setParameter("revoked", RefreshToken.Status.revoked).setParameter("active", RefreshToken.Status.active)
                .setParameter("member", memberId).executeUpdate();
        em.flush();
        active.forget(memberId);
        LOG.info(() -> "Admin " + adminId + " suspended member " + memberId);
        return member.adminView(cipher);
    }

    public AdminMemberView reactivate(String adminId, String memberId) {
        Member member = member(memberId);
        member.setStatus(MemberStatus.active, Instant.now());
        em.flush();
        active.forget(memberId);
        LOG.info(() -> "Admin " + adminId + " reactivated member " + memberId);
        return member.adminView(cipher);
    }

    private Member member(String memberId) {
        Member member = memberId == null ? null : em.find(Member.class, memberId);
        if (member == null) {
            throw BusinessException.notFound("会员");
        }
        return member;
    }

    private static MemberStatus parseStatus(String status) {
        try {
            return MemberStatus.valueOf(status.strip().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BusinessException(ErrorKind.BAD_REQUEST, "STATUS_INVALID",
                    "未知的会员状态：" + status);
        }
    }

}
