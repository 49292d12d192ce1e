package health.leiming.platform;

import java.util.Map;
import java.util.Optional;

/**
 * A context's part of erasing a member's account or one of their people (PIPL art. 47): it deletes what it
 * holds about them and pseudonymises what the law makes it keep (orders and payments). Implemented as
 * session beans by every context that keeps personal data; {@link Erasures} runs them all, by stage, in one
 * transaction. A context with a new table of personal data erases it here, or the erasure test finds it.
 */
public interface Erasure {

    /** Runs before the stages above it: what refers to a person goes before the person (10 .. 90). */
    int stage();

    /** Why the subject cannot be erased now (an order still under way), in words for the member; else empty. */
    default Optional<String> obstacle(ErasureSubject subject) {
        return Optional.empty();
    }

    /** Erases the subject's data in the caller's transaction; answers how many rows of each kind. */
    Map<String, Integer> erase(ErasureSubject subject);
}
