package health.leiming.privacy;

import health.leiming.platform.ConsentKind;
import health.leiming.platform.Consents;
import health.leiming.platform.ExpiringMap;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers {@link Consents} on every health request without reading the database each time: the
 * current versions and each member's accepted versions are kept for leiming.privacy.consent-cache.
 * A change takes effect at once on the server that made it (which forgets what it knew) and within
 * that time on the others.
 */
@ApplicationScoped
public class ConsentCheck implements Consents {

    private static final int MAX_MEMBERS = 100_000;

    @Inject
    ConsentService consents;

    @Inject
    @ConfigProperty(name = "leiming.privacy.consent-cache", defaultValue = "PT10S")
    Duration ttl;

    private static final String CURRENT = "current";

    /** The current version of each kind (under one key), and each member's accepted versions. */
    private ExpiringMap<String, Map<ConsentKind, Integer>> documents;
    private ExpiringMap<String, Map<ConsentKind, Integer>> members;

    @PostConstruct
    void init() {
        documents = new ExpiringMap<>(ttl, 1);
        members = new ExpiringMap<>(ttl, MAX_MEMBERS);
    }

    @Override
    public List<ConsentKind> missing(String memberId, Set<ConsentKind> needed) {
        Map<ConsentKind, Integer> current = documents.get(CURRENT, key -> consents.currentVersions());
        Map<ConsentKind, Integer> accepted = members.get(memberId, consents::acceptedVersions);
        List<ConsentKind> missing = new ArrayList<>();
        for (ConsentKind kind : ConsentKind.values()) {
            Integer version = current.get(kind);
            if (needed.contains(kind) && version != null && !version.equals(accepted.get(kind))) {
                missing.add(kind);
            }
        }
        return missing;
    }

    /** One query for all the members (not through the per-member cache, which a batch page would flush). */
    @Override
    public Set<String> allowing(Collection<String> memberIds, ConsentKind kind) {
        Integer version = documents.get(CURRENT, key -> consents.currentVersions()).get(kind);
        if (version == null) {
            return Set.copyOf(memberIds);
        }
        Set<String> allowed = new HashSet<>();
        consents.acceptedVersions(memberIds).forEach((member, accepted) -> {
            if (version.equals(accepted.get(kind))) {
                allowed.add(member);
            }
        });
        return allowed;
    }

    void forget(String memberId) {
        members.forget(memberId);
    }

    void forgetDocuments() {
        documents.forget(CURRENT);
    }
}
