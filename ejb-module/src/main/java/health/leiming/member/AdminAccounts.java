package health.leiming.member;

import health.leiming.platform.ActiveAccounts;
import health.leiming.platform.AuditTrail;
import health.leiming.platform.BusinessException;
import health.leiming.platform.ErrorKind;
import health.leiming.platform.FieldCipher;
import health.leiming.platform.Hashing;
import health.leiming.platform.PasswordPolicy;
import health.leiming.platform.RecordedRefusal;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * The accounts of admins and operators: admins create, change, disable and reset them; everyone changes
 * their own password and enrols their second factor (TOTP, with one-time recovery codes). Every change
 * is audited with the actor's role. The last active admin cannot be disabled or made an operator.
 */
@Stateless
public class AdminAccounts {

    private static final String ISSUER = "雷鸣健康";
    private static final int RECOVERY_CODES = 10;
    private static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "leiming")
    EntityManager em;

    @Inject
    AdminAuth auth;

    @Inject
    FieldCipher cipher;

    @Inject
    AuditTrail audit;

    @Inject
    ActiveAccounts accounts;

    /** What enrolling an authenticator needs: the secret, and the URI its QR code carries. */
    public record TotpEnrolment(String secret, String uri) {
    }

    public List<AdminAccount.AdminView> list() {
        return em.createQuery("select a from AdminAccount a order by a.username", AdminAccount.class)
                .getResultStream().map(AdminAccount::view).toList();
    }

    public AdminAccount.AdminView create(String actorId, String username, String name, String role, String password) {
        String user = username == null ? "" : username.strip();
        requireGoodPassword(password, user);
        AdminAccount account = new AdminAccount(user, auth.hashPassword(password), name == null ? null : name.strip(),
                role(role), Instant.now());
        em.persist(account);
        try {
            em.flush();
        } catch (PersistenceException e) {
            throw new BusinessException(ErrorKind.CONFLICT, "USERNAME_TAKEN", "该用户名已存在");
        }
        audited(actorId, "admin.account.create", account.id());
        return account.view();
    }

    public AdminAccount.AdminView change(String actorId, String id, String name, String role, Boolean active) {
        AdminAccount account = find(id);
        AdminAccount.Role newRole = role == null ? null : role(role);
        boolean stopsBeingAdmin = account.role() == AdminAccount.Role.admin && account.active()
                && (newRole == AdminAccount.Role.operator || Boolean.FALSE.equals(active));
        if (stopsBeingAdmin && activeAdmins() <= 1) {
            throw new BusinessException(ErrorKind.CONFLICT, "LAST_ADMIN", "至少需要保留一个启用的管理员");
        }
        account.change(name, newRole, active, Instant.now());
        accounts.forget(id); // a disabled account's tokens stop at once
        audited(actorId, Boolean.FALSE.equals(active) ? "admin.account.disable" : "admin.account.change", id);
        return account.view();
    }

    /** An admin gives the account a new password; its second factor must be enrolled again and the lock is lifted. */
    public AdminAccount.AdminView reset(String actorId, String id, String password) {
        AdminAccount account = find(id);
        requireGoodPassword(password, account.username());
        account.reset(auth.hashPassword(password), Instant.now());
        em.createQuery("delete from AdminRecoveryCode c where c.adminId = :admin").setParameter("admin", id)
                .executeUpdate();
        audited(actorId, "admin.account.reset", id);
        return account.view();
    }

    public void changeOwnPassword(String adminId, String current, String password) {
        AdminAccount account = find(adminId);
        if (!auth.passwordMatches(account, current)) {
            audit.record(adminId, account.role().name(), null, "admin.password.change", adminId, AuditTrail.REJECTED);
            throw new BusinessException(ErrorKind.BAD_REQUEST, "PASSWORD_WRONG", "当前密码不正确");
        }
        requireGoodPassword(password, account.username());
        account.changePassword(auth.hashPassword(password), Instant.now());
        audited(adminId, "admin.password.change", adminId);
    }

    /** Starts (or restarts) enrolling an authenticator app; the second factor counts once confirmed. */
    public TotpEnrolment startTotp(String adminId) {
        AdminAccount account = find(adminId);
        if (account.hasSecondFactor()) {
            throw new BusinessException(ErrorKind.CONFLICT, "OTP_ALREADY_ENROLLED", "已绑定身份验证器；如需更换，请管理员重置账号");
        }
        String secret = Totp.newSecret();
        account.startTotp(cipher.encrypt(AdminAccount.TOTP_SECRET, secret), Instant.now());
        audited(adminId, "admin.otp.start", adminId);
        return new TotpEnrolment(secret, Totp.uri(ISSUER, account.username(), secret));
    }

    /** Confirms the authenticator with a first code; answers the recovery codes, shown this once. */
    public List<String> confirmTotp(String adminId, String code) {
        AdminAccount account = find(adminId);
        if (account.encryptedTotpSecret() == null || account.hasSecondFactor()) {
            throw new BusinessException(ErrorKind.CONFLICT, "OTP_NOT_STARTED", "请先开始绑定身份验证器");
        }
        Instant now = Instant.now();
        OptionalLong step = Totp.matches(cipher.decrypt(AdminAccount.TOTP_SECRET, account.encryptedTotpSecret()), code, now, null);
        if (step.isEmpty()) {
            throw new RecordedRefusal(ErrorKind.BAD_REQUEST, "OTP_WRONG", "动态验证码不正确，请核对手机时间后重试");
        }
        account.confirmTotp(step.getAsLong(), now);
        em.createQuery("delete from AdminRecoveryCode c where c.adminId = :admin").setParameter("admin", adminId)
                .executeUpdate();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            String recovery = recoveryCode();
            codes.add(recovery);
            em.persist(new AdminRecoveryCode(adminId, Hashing.sha256Hex(adminId + ":" + recovery)));
        }
        audited(adminId, "admin.otp.confirm", adminId);
        return codes;
    }

    /** Whether the account has a confirmed second factor (an account without one may only enrol one). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean hasSecondFactor(String adminId) {
        AdminAccount account = em.find(AdminAccount.class, adminId);
        return account != null && account.hasSecondFactor();
    }

    public AdminAccount.AdminView me(String adminId) {
        return find(adminId).view();
    }

    private void audited(String actorId, String action, String resourceId) {
        AdminAccount actor = em.find(AdminAccount.class, actorId);
        audit.record(actorId, actor == null ? "admin" : actor.role().name(), null, action, resourceId, AuditTrail.SUCCESS);
    }

    private long activeAdmins() {
        return em.createQuery("select count(a) from AdminAccount a where a.role = :role and a.status = 'active'",
                Long.class).setParameter("role", AdminAccount.Role.admin).getSingleResult();
    }

    private AdminAccount find(String id) {
        AdminAccount account = id == null ? null : em.find(AdminAccount.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (account == null) {
            throw BusinessException.notFound("账号");
        }
        return account;
    }

    private static AdminAccount.Role role(String role) {
        try {
            return AdminAccount.Role.valueOf(role == null ? "" : role.strip().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BusinessException(ErrorKind.BAD_REQUEST, "ROLE_INVALID", "角色只能是 admin 或 operator");
        }
    }

    private static void requireGoodPassword(String password, String username) {
        if (!PasswordPolicy.acceptable(password, username)) {
            throw new BusinessException(ErrorKind.BAD_REQUEST, "PASSWORD_WEAK",
                    "密码至少" + PasswordPolicy.MIN_LENGTH + "位，包含至少6种不同字符，且不能包含用户名");
        }
    }

    private static String recoveryCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            code.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
        }
        return code.substring(0, 5) + "-" + code.substring(5);
    }
}
