package health.leiming.interop;

import health.leiming.platform.PersonalData;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;

/** The hospitals the member authorised (and took back) and the patient records they linked, for the export. */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class InteropPersonalData implements PersonalData {

    @Inject
    HospitalConsents consents;

    @Inject
    HospitalPatientLinks links;

    /** The hospitals authorised, and the patient records linked (lab results come from those). */
    public record Hospitals(List<HospitalConsent.ConsentView> authorisations, List<HospitalPatientLink.LinkView> links) {
    }

    @Override
    public String area() {
        return "hospitals";
    }

    @Override
    public Object of(String memberId, List<String> personIds) {
        return new Hospitals(consents.list(memberId), links.list(memberId));
    }
}
