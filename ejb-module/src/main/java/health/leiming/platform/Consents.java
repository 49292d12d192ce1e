package health.leiming.platform;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether a member has accepted the current version of what a piece of processing needs. Implemented
 * by the privacy context (which every other context may ask through this, without depending on it).
 */
public interface Consents {

    /** The kinds among {@code needed} whose current version the member has not accepted (or withdrew). */
    List<ConsentKind> missing(String memberId, Set<ConsentKind> needed);

    default boolean allows(String memberId, ConsentKind kind) {
        return missing(memberId, Set.of(kind)).isEmpty();
    }

    /** The members among these who have accepted the current version of {@code kind} (a batch job's page). */
    default Set<String> allowing(Collection<String> memberIds, ConsentKind kind) {
        return memberIds.stream().filter(member -> allows(member, kind)).collect(Collectors.toSet());
    }
}
