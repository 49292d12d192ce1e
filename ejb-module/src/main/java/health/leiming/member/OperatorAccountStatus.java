package health.leiming.member;

import health.leiming.platform.AccountStatus;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * A disabled operator account (operators are admin accounts with the operator role), for
 * ActiveAccounts; an operator made admin counts as one too, and signs in again to act as admin. A session bean, so that it also reads from threads the container did not start a
 * request on (a WebSocket's).
 */
@Stateless
public class OperatorAccountStatus implements AccountStatus {

    @PersistenceContext(unitName = "leiming")
    EntityManager em;

    @Override
    public String group() {
        return "operator";
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean isActive(String subject) {
        AdminAccount account = em.find(AdminAccount.class, subject);
        return account != null && account.active() && account.role() == AdminAccount.Role.operator;
    }
}
