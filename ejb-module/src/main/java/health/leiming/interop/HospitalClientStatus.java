package health.leiming.interop;

import health.leiming.platform.AccountStatus;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/** A disabled hospital client's tokens stop working (ActiveAccounts asks this for the hospital group). */
@Stateless
public class HospitalClientStatus implements AccountStatus {

    @Inject
    HospitalClients clients;

    @Override
    public String group() {
        return HospitalClients.GROUP;
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean isActive(String subject) {
        return clients.isActive(subject);
    }
}
