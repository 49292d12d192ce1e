package health.leiming.care;

import health.leiming.platform.AccountStatus;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * A companion who left (or is not yet approved) may no longer use their tokens, for ActiveAccounts. A
 * session bean, so that it also reads from threads the container did not start a request on (a WebSocket's).
 */
@Stateless
public class StaffStatus implements AccountStatus {

    @PersistenceContext(unitName = "leiming")
    EntityManager em;

    @Override
    public String group() {
        return "staff";
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean isActive(String subject) {
        Staff staff = em.find(Staff.class, subject);
        return staff != null && staff.isActive();
    }
}
