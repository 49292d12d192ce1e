package health.leiming.privacy;

import health.leiming.platform.ConsentKind;
import health.leiming.platform.Consents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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

    private record Known(Map<ConsentKind, Integer> versions, long until) {
    }

    private volatile Known current;
    private final Map<String, Known> members = new ConcurrentHashMap<>();

    @Override
    public List<ConsentKind> missing(String memberId, Set<ConsentKind> needed) {
        long now = System.nanoTime();
        Known documents = current;
        if (documents == null || documents.until() - now < 0) {
            documents = new Known(consents.currentVersions(), now + ttl.toNanos());
            current = documents;
        }
        Known member = members.get(memberId);
        if (member == null || member.until() - now < 0) {
            member = new Known(consents.acceptedVersions(memberId), now + ttl.toNanos());
            if (members.size() >= MAX_MEMBERS) {
                members.clear();
            }
            members.put(memberId, member);
        }
        List<ConsentKind> missing = new ArrayList<>();
        for (ConsentKind kind : ConsentKind.values()) {
            Integer version = documents.versions().get(kind);
            if (needed.contains(kind) && version != null && !version.equals(member.versions().get(kind))) {
                missing.add(kind);
            }
        }
        return missing;
    }

    void forget(String memberId) {
        members.remove(memberId);
    }

    void forgetDocuments() {
        current = null;
    }
}
