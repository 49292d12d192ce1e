package health.leiming.privacy;

import health.leiming.member.AccountDeletion;
import health.leiming.platform.AuditTrail;
import health.leiming.platform.ErasureSubject;
import health.leiming.platform.Erasures;
import health.leiming.platform.Logs;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Erases an account whose cooling-off has ended (the nightly job asks, one account per transaction): every
 * context's part (Erasures), the orders kept pseudonymised under a tombstone account. An account with an
 * order under way waits for the next night; one the member logged back into is no longer due.
 */
@Stateless
@LocalBean
public class AccountErasure {

    private static final Logger LOG = Logs.get(AccountErasure.class);

    @Inject
    AccountDeletion deletions;

    @Inject
    Erasures erasures;

    @Inject
    AuditTrail audit;

    /** What became of one account: erased (with the rows of each kind), waiting (why), or not due. */
    public record Outcome(String memberId, boolean erased, String waitingBecause, Map<String, Integer> rows) {
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Outcome erase(String memberId, Instant now) {
        Optional<ErasureSubject> due = deletions.dueSubject(memberId, now);
        if (due.isEmpty()) {
            return new Outcome(memberId, false, null, Map.of());
        }
        ErasureSubject subject = due.get();
        Optional<String> obstacle = erasures.obstacle(subject);
        if (obstacle.isPresent()) {
            LOG.info(() -> "Account " + memberId + " not erased yet: " + obstacle.get());
            return new Outcome(memberId, false, obstacle.get(), Map.of());
        }
        deletions.tombstone(subject);
        Map<String, Integer> rows = erasures.erase(subject);
        audit.record("system", "system", null, "privacy.erasure", memberId, AuditTrail.SUCCESS);
        LOG.info(() -> "Account " + memberId + " erased: " + rows);
        return new Outcome(memberId, true, null, rows);
    }

    /** Due accounts, oldest first. */
    public List<String> due(Instant now, int max) {
        return deletions.due(now, max);
    }

    /** After the erasure committed: this server refuses the account's tokens at once. */
    public void forget(String memberId) {
        deletions.forget(memberId);
    }
}
