package health.leiming.member;

import health.leiming.platform.BusinessException;
import health.leiming.platform.ErrorKind;
import health.leiming.platform.Logs;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Username and password login for admins, with Jakarta Security's standard PBKDF2 password hash.
 * The first admin comes from configuration (leiming.admin.username / leiming.admin.password) when
 * there is none yet; without a configured password one is generated and logged once.
 */
@Stateless
public class AdminAuth {

    private static final Logger LOG = Logs.get(AdminAuth.class);
    private static final Set<String> ADMIN_GROUPS = Set.of("admin");
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
    @ConfigProperty(name = "leiming.admin.username", defaultValue = "admin")
    String firstUsername;

    @Inject
    @ConfigProperty(name = "leiming.admin.password")
    Optional<String> firstPassword;

    @PostConstruct
    void configureHash() {
        hash.initialize(Map.of("Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
                "Pbkdf2PasswordHash.Iterations", "210000",
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "64"));
    }

    public AdminLogin login(String username, String password) {
        AdminAccount admin = em.createQuery("select a from AdminAccount a where a.username = :username",
                AdminAccount.class).setParameter("username", username == null ? "" : username.strip())
                .getResultStream().findFirst().orElse(null);
        boolean matches = hash.verify(password == null ? new char[0] : password.toCharArray(),
                admin == null ? NO_SUCH_ADMIN : admin.passwordHash());
        if (admin == null || !matches || !admin.active()) {
            LOG.info(() -> "Admin login refused");
            throw new BusinessException(ErrorKind.UNAUTHENTICATED, "LOGIN_FAILED", "用户名或密码错误");
        }
        TokenIssuer.AccessToken token = tokens.issue(admin.id(), ADMIN_GROUPS, Instant.now());
        return new AdminLogin(token.token(), token.expiresIn(), admin.id(), admin.username(), admin.name());
    }

    /** Creates the first admin when there is none; the caller runs this once at startup. */
    public void ensureFirstAdmin() {
        long admins = em.createQuery("select count(a) from AdminAccount a", Long.class).getSingleResult();
        if (admins > 0) {
            return;
        }
        String password = firstPassword.filter(p -> !p.isBlank()).orElseGet(AdminAuth::generatedPassword);
        em.persist(new AdminAccount(firstUsername, hash.generate(password.toCharArray()), "管理员", Instant.now()));
        if (firstPassword.filter(p -> !p.isBlank()).isEmpty()) {
            LOG.warning(() -> "First admin '" + firstUsername + "' created with the generated password " + password
                    + " (set leiming.admin.password to choose one)");
        } else {
            LOG.info(() -> "First admin '" + firstUsername + "' created from configuration");
        }
    }

    private static String generatedPassword() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public record AdminLogin(String token, long expiresIn, String adminId, String username, String name) {
    }
}
