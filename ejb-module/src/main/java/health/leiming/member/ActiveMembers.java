package health.leiming.member;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether a member's tokens may still be used: a suspended member's access tokens stop working. The
 * answer is kept for a few seconds per member (a suspension takes effect at once on the server that
 * made it, within {@code leiming.member.status-cache} on the others).
 */
@ApplicationScoped
public class ActiveMembers {

    private static final int MAX_ENTRIES = 100_000;

    @PersistenceContext(unitName = "leiming")
    EntityManager em;

    @Inject
    @ConfigProperty(name = "leiming.member.status-cache", defaultValue = "PT10S")
    Duration ttl;

    private final Map<String, Entry> known = new ConcurrentHashMap<>();

    private record Entry(boolean active, long until) {
    }

    public boolean isActive(String memberId) {
        long now = System.nanoTime();
        Entry entry = known.get(memberId);
        if (entry == null || entry.until() - now < 0) {
            Member member = em.find(Member.class, memberId);
            entry = new Entry(member != null && member.isActive(), now + ttl.toNanos());
            if (known.size() >= MAX_ENTRIES) {
                known.clear();
            }
            known.put(memberId, entry);
        }
        return entry.active();
    }

    void forget(String memberId) {
        known.remove(memberId);
    }
}
