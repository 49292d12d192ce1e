package health.leiming.platform;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether a token's account may still be used: a suspended member's, a disabled admin's and a departed
 * companion's tokens stop working. The answer is kept for a few seconds per account (a change takes
 * effect at once on the server that made it, which calls {@link #forget}, and within
 * {@code leiming.member.status-cache} on the others).
 */
@ApplicationScoped
public class ActiveAccounts {

    private static final int MAX_ENTRIES = 100_000;

    @Inject
    @Any
    Instance<AccountStatus> sources;

    @Inject
    @ConfigProperty(name = "leiming.member.status-cache", defaultValue = "PT10S")
    Duration ttl;

    private final Map<String, AccountStatus> byGroup = new HashMap<>();
    private ExpiringMap<String, Boolean> known;

    @PostConstruct
    void init() {
        sources.forEach(source -> byGroup.put(source.group(), source));
        known = new ExpiringMap<>(ttl, MAX_ENTRIES);
    }

    /** True when every group of the token that names a kind of account finds its account active. */
    public boolean isActive(String subject, Set<String> groups) {
        for (String group : groups) {
            AccountStatus source = byGroup.get(group);
            if (source != null && !isActive(group, source, subject)) {
                return false;
            }
        }
        return true;
    }

    /** The group comes from the map, not from source.group(): that is an EJB call, on every request. */
    private boolean isActive(String group, AccountStatus source, String subject) {
        return known.get(group + ":" + subject, key -> source.isActive(subject));
    }

    /** Forgets what is known of the account, after its status changed here. */
    public void forget(String subject) {
        known.forgetIf(key -> key.endsWith(":" + subject));
    }
}
