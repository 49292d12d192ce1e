package health.leiming.member;

import health.leiming.platform.AuditTrail;
import health.leiming.platform.BusinessException;
import health.leiming.platform.ErrorKind;
import health.leiming.platform.FieldCipher;
import health.leiming.platform.Hashing;
import health.leiming.platform.Logs;
import health.leiming.platform.Masking;
import health.leiming.platform.RateCounters;
import health.leiming.platform.RecordedRefusal;
import health.leiming.platform.RequestContext;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Login for admins and operators: user name, password (Jakarta Security's standard PBKDF2 hash) and,
 * once enrolled, a TOTP code or a one-time recovery code. Failed logins lock the account for a growing
 * time and are counted per client address as well; each failure is audited with the account and the
 * address. The first admin comes from configuration (leiming.admin.username / leiming.admin.password)
 * when there is none yet; in development, without a configured password one is generated and logged once.
 */
@Stateless
public class AdminAuth {

    private static final Logger LOG = Logs.get(AdminAuth.class);
    private static final Duration FAILURE_WINDOW = Duration.ofMinutes(15);
    /** A hash to verify against when the username is unknown, so that both cases take as long. */
    private static final String NO_SUCH_ADMIN = "PBKDF2WithHmacSHA512:210000:"
            + Base64.getEncoder().encodeToString(new byte[32]) + ":" + Base64.getEncoder().encodeToString(new byte[64]);

    @PersistenceContext(unitName = "leiming")
    EntityManager em;

    @Inject
    Pbkdf2PasswordHash hash;

    @Inject
    TokenIssuer tokens;

    @Inject
    FieldCipher cipher;

    @Inject
    RateCounters counters;

    @Inject
    AuditTrail audit;

    @Inject
    @ConfigProperty(name = "leiming.admin.username", defaultValue = "admin")
    String firstUsername;

    @Inject
    @ConfigProperty(name = "leiming.admin.password")
    Optional<String> firstPassword;

    @Inject
    @ConfigProperty(name = "leiming.admin.failures-per-address", defaultValue = "20")
    int failuresPerAddress;

    @PostConstruct
    void configureHash() {
        hash.initialize(Map.of("Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
                "Pbkdf2PasswordHash.Iterations", "210000",
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "64"));
    }

    /**
     * Logs in. A refusal commits what it counted (the failure, the lock) before the caller gets it. The
     * second factor is asked for only after the password was right (OTP_REQUIRED), as authenticator
     * logins do; a wrong code counts as a failed login.
     */
    public AdminLogin login(String username, String password, String otp, String recoveryCode) {
        Instant now = Instant.now();
        String client = RequestContext.clientAddress();
        if (client != null && counters.hits("admin-login-failures:" + client, FAILURE_WINDOW) >= failuresPerAddress) {
            LOG.warning(() -> "Admin logins from " + client + " refused: too many failures");
            throw new BusinessException(ErrorKind.TOO_MANY_REQUESTS, "LOGIN_LOCKED", "登录失败次数过多，请稍后再试",
                    FAILURE_WINDOW.toSeconds());
        }
        AdminAccount admin = em.createQuery("select a from AdminAccount a where a.username = :username",
                AdminAccount.class).setParameter("username", username == null ? "" : username.strip())
                .getResultStream().findFirst().orElse(null);
        // No lock while the password hash is checked (a deliberately slow hash): the account row is locked
        // only to count a failure or to take a code, briefly, at the end.
        if (admin != null && !admin.lockedFor(now).isZero()) {
            audit.record(admin.id(), admin.role().name(), null, "admin.login", null, AuditTrail.DENIED);
            throw new BusinessException(ErrorKind.TOO_MANY_REQUESTS, "ACCOUNT_LOCKED", "登录失败次数过多，账号已暂时锁定，请稍后再试",
                    Math.max(1, admin.lockedFor(now).toSeconds()));
        }
        boolean matches = hash.verify(password == null ? new char[0] : password.toCharArray(),
                admin == null ? NO_SUCH_ADMIN : admin.passwordHash());
        if (admin == null || !matches || !admin.active()) {
            throw failed(admin, username, now);
        }
        if (admin.hasSecondFactor()) {
            if ((otp == null || otp.isBlank()) && (recoveryCode == null || recoveryCode.isBlank())) {
                throw new BusinessException(ErrorKind.UNAUTHENTICATED, "OTP_REQUIRED", "请输入身份验证器中的动态验证码");
            }
            if (!secondFactor(admin, otp, recoveryCode, now)) {
                throw failed(admin, username, now);
            }
        }
        if (admin.hadFailures()) {
            em.refresh(admin, LockModeType.PESSIMISTIC_WRITE);
            admin.loggedIn(now);
        }
        audit.record(admin.id(), admin.role().name(), null, "admin.login", null, AuditTrail.SUCCESS);
        TokenIssuer.AccessToken token = tokens.issue(admin.id(), Set.of(admin.role().name()), now);
        return new AdminLogin(token.token(), token.expiresIn(), admin.id(), admin.username(), admin.name(),
                admin.role().name(), admin.hasSecondFactor());
    }

    private RecordedRefusal failed(AdminAccount admin, String username, Instant now) {
        if (admin != null) {
            em.refresh(admin, LockModeType.PESSIMISTIC_WRITE); // counts every concurrent failure
            admin.loginFailed(now);
        }
        String client = RequestContext.clientAddress();
        if (client != null) {
            counters.take("admin-login-failures:" + client, FAILURE_WINDOW, Integer.MAX_VALUE);
        }
        LOG.info(() -> "Admin login refused for " + Masking.name(username == null ? "" : username) + " from " + client);
        audit.record(admin == null ? "unknown" : admin.id(), admin == null ? "admin" : admin.role().name(), null,
                "admin.login", admin == null ? "unknown user" : null, AuditTrail.REJECTED);
        return new RecordedRefusal(ErrorKind.UNAUTHENTICATED, "LOGIN_FAILED", "用户名、密码或动态验证码错误");
    }

    private boolean secondFactor(AdminAccount admin, String otp, String recoveryCode, Instant now) {
        if (otp != null && !otp.isBlank()) {
            OptionalLong step = Totp.matches(cipher.decrypt(AdminAccount.TOTP_SECRET, admin.encryptedTotpSecret()), otp,
                    now, admin.totpLastStep());
            // Taken with a conditional update, so that two logins racing with one code cannot both use it.
            return step.isPresent() && em.createQuery("update AdminAccount a set a.totpLastStep = :step where a.id = :id"
                    + " and (a.totpLastStep is null or a.totpLastStep < :step)").setParameter("step", step.getAsLong())
                    .setParameter("id", admin.id()).executeUpdate() == 1;
        }
        String codeHash = Hashing.sha256Hex(admin.id() + ":" + recoveryCode.strip().toUpperCase(java.util.Locale.ROOT));
        AdminRecoveryCode code = em.createQuery("select c from AdminRecoveryCode c where c.adminId = :admin"
                + " and c.codeHash = :hash", AdminRecoveryCode.class).setParameter("admin", admin.id())
                .setParameter("hash", codeHash).getResultStream().findFirst().orElse(null);
        if (code == null || !code.unused() || em.createQuery("update AdminRecoveryCode c set c.usedAt = :now"
                + " where c.id = :id and c.usedAt is null").setParameter("now", now).setParameter("id", code.id())
                .executeUpdate() != 1) {
            return false;
        }
        LOG.warning(() -> "Admin " + admin.username() + " logged in with a recovery code");
        return true;
    }

    /** Creates the first admin when there is none; the caller runs this once at startup. */
    public void ensureFirstAdmin() {
        long admins = em.createQuery("select count(a) from AdminAccount a", Long.class).getSingleResult();
        if (admins > 0) {
            return;
        }
        String password = firstPassword.filter(p -> !p.isBlank()).orElseGet(AdminAuth::generatedPassword);
        em.persist(new AdminAccount(firstUsername, hash.generate(password.toCharArray()), "管理员",
                AdminAccount.Role.admin, Instant.now()));
        if (firstPassword.filter(p -> !p.isBlank()).isEmpty()) {
            LOG.warning(() -> "First admin '" + firstUsername + "' created with the generated password " + password
                    + " (set leiming.admin.password to choose one)");
        } else {
            LOG.info(() -> "First admin '" + firstUsername + "' created from configuration");
        }
    }

    public String hashPassword(String password) {
        return hash.generate(password.toCharArray());
    }

    public boolean passwordMatches(AdminAccount admin, String password) {
        return hash.verify(password == null ? new char[0] : password.toCharArray(), admin.passwordHash());
    }

    private static String generatedPassword() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** secondFactor: whether the account has one; an admin without one is asked to enrol. */
    public record AdminLogin(String token, long expiresIn, String adminId, String username, String name, String role,
            boolean secondFactor) {
    }
}
