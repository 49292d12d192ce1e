package health.leiming.interop;

import health.leiming.platform.PersonalData;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;

/** The hospitals the member authorised (and took back), for the export. */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class InteropPersonalData implements PersonalData {

    @Inject
    HospitalConsents consents;

    @Override
    public String area() {
        return "hospitals";
    }

    @Override
    public Object of(String memberId, List<String> personIds) {
        return consents.list(memberId);
    }
}
