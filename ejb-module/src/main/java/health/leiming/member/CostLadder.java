package health.leiming.member;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The benchmark's cost ladder (bench/health-bench.sh): each rung adds one layer to the one before, so
 * that the price of each layer of an authenticated read is measured in the same run. Reached only
 * through /api/v1/bench/ladder, which answers 404 unless leiming.bench.ladder=true (production
 * refuses that setting).
 */
@Stateless
public class CostLadder {

    @PersistenceContext(unitName = "leiming")
    EntityManager em;

    /** An EJB call and nothing else: no transaction. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public String call(String memberId) {
        return memberId;
    }

    /** An EJB call in a transaction that touches nothing. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public String emptyTransaction(String memberId) {
        return memberId;
    }

    /** An EJB call in a transaction that reads the member's row by its key. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public String find(String memberId) {
        Member member = em.find(Member.class, memberId);
        return member == null ? null : member.id();
    }

    /**
     * The same read without a transaction: the connection stays in auto-commit, so the database sees one
     * statement instead of "autocommit off, SELECT, COMMIT, autocommit on".
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public String read(String memberId) {
        Member member = em.find(Member.class, memberId);
        return member == null ? null : member.id();
    }
}
