package health.leiming.member;

import health.leiming.platform.AccountStatus;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * A disabled admin account, for ActiveAccounts; an account no longer in the admin role counts as one too,
 * so that a demoted admin's token or console session stops at once (they sign in again as what they
 * are now). A session bean, so that it also reads from threads the container did not
 * start a request on (a WebSocket's).
 */
@Stateless
public class AdminAccountStatus implements AccountStatus {

    @PersistenceContext(unitName = "leiming")
    EntityManager em;

    @Override
    public String group() {
        return "admin";
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean isActive(String subject) {
        AdminAccount account = em.find(AdminAccount.class, subject);
        return account != null && account.active() && account.role() == AdminAccount.Role.admin;
    }
}
