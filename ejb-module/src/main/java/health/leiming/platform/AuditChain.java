package health.leiming.platform;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit log's tamper evidence. Entries are written by each request as before (no request waits
 * for a global lock); the sealer takes the entries not yet sealed, gives each the next place in one
 * chain and a keyed hash over its content and the previous entry's hash. Verifying walks the chain
 * and names the first entry that was changed, or the place where one was removed.
 */
@Stateless
public class AuditChain {

    static final String PURPOSE = "audit-chain";

    @PersistenceContext(unitName = "leiming")
    EntityManager em;

    @Inject
    FieldCipher keys;

    /** What verifying the chain found: ok, or the first broken place; and how many entries wait to be sealed. */
    public record Verification(boolean intact, long checked, Long brokenAtSeq, String brokenEntryId, String problem,
            long unsealed) {
    }

    /** Seals up to max entries, oldest first, in one transaction; returns how many. One sealer at a time. */
    public int seal(int max) {
        AuditChainHead head = em.find(AuditChainHead.class, AuditChainHead.ID, LockModeType.PESSIMISTIC_WRITE);
        List<AuditEntry> unsealed = em.createQuery("select e from AuditEntry e where e.chainSeq is null"
                + " order by e.occurredAt, e.id", AuditEntry.class).setMaxResults(max).getResultList();
        long seq = head.lastSeq();
        String previous = head.lastHash();
        for (AuditEntry entry : unsealed) {
            seq++;
            String hash = keys.mac(PURPOSE, entry.content(seq, previous));
            entry.seal(seq, previous, hash);
            previous = hash;
        }
        if (!unsealed.isEmpty()) {
            head.advance(seq, previous, Instant.now());
        }
        return unsealed.size();
    }

    /**
     * Deletes up to max of the oldest sealed entries that occurred before the cut-off, from the start of the
     * chain only (an entry is never taken out of its middle), and moves the chain's start behind them with
     * the server's key; the purge itself is recorded as an entry. Answers how many were deleted.
     */
    public int purge(Instant before, int max) {
        AuditChainHead head = em.find(AuditChainHead.class, AuditChainHead.ID, LockModeType.PESSIMISTIC_WRITE);
        List<AuditEntry> oldest = em.createQuery("select e from AuditEntry e where e.chainSeq >= :first"
                + " and e.chainSeq <= :last order by e.chainSeq", AuditEntry.class)
                .setParameter("first", head.firstSeq()).setParameter("last", head.lastSeq())
                .setMaxResults(max).getResultList();
        List<AuditEntry> due = new ArrayList<>();
        for (AuditEntry entry : oldest) {
            if (entry.chainSeq() != head.firstSeq() + due.size() || !entry.occurredBefore(before)) {
                break; // the start of the chain only, without gaps
            }
            due.add(entry);
        }
        if (due.isEmpty()) {
            return 0;
        }
        AuditEntry last = due.get(due.size() - 1);
        long from = head.firstSeq();
        em.createQuery("delete from AuditEntry e where e.chainSeq >= :from and e.chainSeq <= :to")
                .setParameter("from", from).setParameter("to", last.chainSeq()).executeUpdate();
        Instant now = Instant.now();
        head.startAfter(last.chainSeq(), last.entryHash(), keys, PURPOSE, now);
        em.persist(new AuditEntry("system", "system", null, "audit.purge", from + "-" + last.chainSeq(),
                AuditTrail.SUCCESS, now));
        return due.size();
    }

    /** Walks the sealed chain from its start; stops at the first broken place. */
    public Verification verify() {
        AuditChainHead head = em.find(AuditChainHead.class, AuditChainHead.ID);
        long unsealed = em.createQuery("select count(e) from AuditEntry e where e.chainSeq is null", Long.class)
                .getSingleResult();
        if (!head.anchorTrusted(keys, PURPOSE)) {
            return new Verification(false, 0, head.firstSeq(), null,
                    "the chain's start was moved to entry " + head.firstSeq() + " without the server's key", unsealed);
        }
        String previous = head.firstPrevHash();
        long expected = head.firstSeq();
        int page = 1000;
        while (true) {
            // Up to the head as read above: what the sealer seals meanwhile is checked by the next verification
            // (walking on into it would see the chain "end after the head" and cry wolf).
            List<AuditEntry> entries = em.createQuery("select e from AuditEntry e where e.chainSeq >= :from"
                    + " and e.chainSeq <= :last order by e.chainSeq", AuditEntry.class).setParameter("from", expected)
                    .setParameter("last", head.lastSeq()).setMaxResults(page).getResultList();
            for (AuditEntry entry : entries) {
                if (entry.chainSeq() != expected) {
                    return new Verification(false, expected - head.firstSeq(), expected, null,
                            "entry " + expected + " of the chain is missing", unsealed);
                }
                if (!previous.equals(entry.prevHash())
                        || !keys.macMatches(PURPOSE, entry.content(expected, previous), entry.entryHash())) {
                    return new Verification(false, expected - head.firstSeq(), expected, entry.id(),
                            "entry " + entry.id() + " was changed after it was sealed", unsealed);
                }
                previous = entry.entryHash();
                expected++;
                em.detach(entry);
            }
            if (entries.size() < page) {
                break;
            }
        }
        long checked = expected - head.firstSeq();
        if (expected - 1 != head.lastSeq() || !previous.equals(head.lastHash())) {
            return new Verification(false, checked, expected, null,
                    "the chain ends at entry " + (expected - 1) + " but was sealed up to " + head.lastSeq(), unsealed);
        }
        return new Verification(true, checked, null, null, null, unsealed);
    }
}
