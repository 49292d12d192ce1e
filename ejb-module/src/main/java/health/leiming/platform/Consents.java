package health.leiming.platform;

import java.util.List;
import java.util.Set;

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
}
