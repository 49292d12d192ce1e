package health.leiming.member;

import health.leiming.platform.AccountStatus;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * A suspended or deleted member, for ActiveAccounts. A session bean, so that it also reads from threads the container did not
 * start a request on (a WebSocket's).
 */
@Stateless
public class MemberAccountStatus implements AccountStatus {

    @PersistenceContext(unitName = "leiming")
    EntityManager em;

    @Override
    public String group() {
        return "member";
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean isActive(String subject) {
        Member member = em.find(Member.class, subject);
        return member != null && member.isActive();
    }
}
