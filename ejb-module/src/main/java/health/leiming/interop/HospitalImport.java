package health.leiming.interop;

import health.leiming.care.HospitalImports;
import health.leiming.integration.HospitalFhirServer;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Schedule;
import org.hl7.fhir.r4.model.Slot;

/**
 * One hospital's import, in a transaction of its own: its Practitioners (with title and department from
 * their PractitionerRoles) become the catalog's doctors, and the Slots of their Schedules in the next
 * {@code leiming.hospital-import.days} days their clinic times (free or busy).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class HospitalImport {

    @PersistenceContext(unitName = "leiming")
    EntityManager em;

    @Inject
    HospitalFhirServer server;

    @Inject
    HospitalImports imports;

    @Inject
    @ConfigProperty(name = "leiming.hospital-import.days", defaultValue = "14")
    int days;

    /** Imports the connection's hospital; answers what changed. */
    public String run(String connectionId, Instant now) {
        HospitalConnection connection = em.find(HospitalConnection.class, connectionId);
        String token = connection.bearerToken();
        String base = connection.baseUrl();
        Map<String, String> page = Map.of("_count", "100");
        Map<String, PractitionerRole> roleOf = new HashMap<>();
        for (Resource resource : server.search(base, token, "PractitionerRole", page)) {
            if (resource instanceof PractitionerRole role && role.getActive() && role.hasPractitioner()) {
                roleOf.putIfAbsent(idOf(role.getPractitioner()), role);
            }
        }
        List<HospitalImports.ExternalDoctor> doctors = new ArrayList<>();
        for (Resource resource : server.search(base, token, "Practitioner", page)) {
            if (resource instanceof Practitioner practitioner && (!practitioner.hasActive() || practitioner.getActive())) {
                String id = practitioner.getIdElement().getIdPart();
                PractitionerRole role = roleOf.get(id);
                doctors.add(new HospitalImports.ExternalDoctor(id, name(practitioner),
                        role == null || !role.hasCode() ? null : text(role.getCodeFirstRep()),
                        role == null || !role.hasSpecialty() ? null : text(role.getSpecialtyFirstRep()),
                        role == null || !role.hasSpecialty() ? null : text(role.getSpecialtyFirstRep())));
            }
        }
        Map<String, String> practitionerOfSchedule = new HashMap<>();
        for (Resource resource : server.search(base, token, "Schedule", page)) {
            if (resource instanceof Schedule schedule && (!schedule.hasActive() || schedule.getActive())) {
                for (Reference actor : schedule.getActor()) {
                    String practitioner = actor.getReference() == null ? null
                            : actor.getReference().startsWith("Practitioner/") ? idOf(actor)
                            : actor.getReference().startsWith("PractitionerRole/") ? practitionerOfRole(roleOf, idOf(actor))
                            : null;
                    if (practitioner != null) {
                        practitionerOfSchedule.put(schedule.getIdElement().getIdPart(), practitioner);
                    }
                }
            }
        }
        Instant to = now.plus(Duration.ofDays(days));
        List<HospitalImports.ExternalClinicTime> times = new ArrayList<>();
        for (Resource resource : server.search(base, token, "Slot", Map.of("_count", "100", "start", "ge" + now))) {
            if (resource instanceof Slot slot && slot.hasStart() && slot.hasEnd() && slot.hasSchedule()) {
                String practitioner = practitionerOfSchedule.get(idOf(slot.getSchedule()));
                if (practitioner != null && slot.getStatus() != Slot.SlotStatus.ENTEREDINERROR) {
                    times.add(new HospitalImports.ExternalClinicTime(slot.getIdElement().getIdPart(), practitioner,
                            slot.getStart().toInstant(), slot.getEnd().toInstant(), slot.getStatus() == Slot.SlotStatus.FREE));
                }
            }
        }
        HospitalImports.Changes doctorChanges = imports.importDoctors(connection.hospitalId(), doctors);
        HospitalImports.Changes timeChanges = imports.importClinicTimes(connection.hospitalId(), times, now, to);
        // ASCII: the result is also the batch job's exit status, which the job repository refuses other characters in.
        return "doctors added " + doctorChanges.added() + ", updated " + doctorChanges.updated() + ", retired "
                + doctorChanges.retired() + "; clinic times added " + timeChanges.added() + ", updated " + timeChanges.updated()
                + ", removed " + timeChanges.retired();
    }

    /** Keeps what the run did (or why it failed) on the connection, for admins. */
    public void record(String connectionId, Instant at, String result) {
        HospitalConnection connection = em.find(HospitalConnection.class, connectionId);
        if (connection != null) {
            connection.ran(at, result);
        }
    }

    private static String practitionerOfRole(Map<String, PractitionerRole> roleOf, String roleId) {
        return roleOf.entrySet().stream().filter(e -> e.getValue().getIdElement().getIdPart().equals(roleId))
                .map(Map.Entry::getKey).findFirst().orElse(null);
    }

    private static String idOf(Reference reference) {
        return reference.getReference() == null ? null : LabMapping.idPart(reference.getReference());
    }

    private static String name(Practitioner practitioner) {
        HumanName name = practitioner.getNameFirstRep();
        if (name.hasText()) {
            return name.getText();
        }
        String given = String.join("", name.getGiven().stream().map(g -> g.getValue()).toList());
        String full = (name.hasFamily() ? name.getFamily() : "") + given;
        return full.isBlank() ? "未具名医生" : full;
    }

    private static String text(CodeableConcept concept) {
        if (concept.hasText()) {
            return concept.getText();
        }
        return concept.hasCoding() ? concept.getCodingFirstRep().getDisplay() : null;
    }
}
