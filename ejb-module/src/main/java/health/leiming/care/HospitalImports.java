package health.leiming.care;

import health.leiming.platform.BusinessException;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The catalog as a hospital's own FHIR server has it: its doctors (by the server's Practitioner id, in
 * departments found or added by name) and their clinic times (by Slot id). Doctors gone from the server are
 * retired, not deleted (appointments and history may name them); clinic times gone from the window are
 * deleted. Importing the same again changes nothing.
 */
@Stateless
public class HospitalImports {

    /** Where a doctor whose department the hospital's server does not name is listed. */
    static final String DEFAULT_DEPARTMENT = "门诊";

    @PersistenceContext(unitName = "leiming")
    EntityManager em;

    /** A doctor as the hospital's server has them. */
    public record ExternalDoctor(String externalId, String name, String title, String specialty, String department) {
    }

    /** A clinic time as the hospital's server has it. */
    public record ExternalClinicTime(String externalId, String doctorExternalId, Instant start, Instant end, boolean free) {
    }

    /** What an import changed. */
    public record Changes(int added, int updated, int retired) {
    }

    public Changes importDoctors(String hospitalId, List<ExternalDoctor> doctors) {
        if (em.find(Hospital.class, hospitalId) == null) {
            throw BusinessException.notFound("医院");
        }
        Map<String, Doctor> known = new HashMap<>();
        em.createQuery("select d from Doctor d where d.hospitalId = :hospital and d.externalId is not null", Doctor.class)
                .setParameter("hospital", hospitalId).getResultStream().forEach(d -> known.put(d.externalId(), d));
        Map<String, Department> departments = new HashMap<>();
        em.createQuery("select d from Department d where d.hospitalId = :hospital", Department.class)
                .setParameter("hospital", hospitalId).getResultStream()
                .forEach(d -> departments.putIfAbsent(d.view(List.of()).name(), d));
        int added = 0;
        int updated = 0;
        Set<String> seen = new HashSet<>();
        for (ExternalDoctor external : doctors) {
            if (!seen.add(external.externalId())) {
                continue; // listed twice by the server: once is enough
            }
            String departmentName = external.department() == null || external.department().isBlank()
                    ? DEFAULT_DEPARTMENT : cut(external.department().strip(), 50);
            Department department = departments.computeIfAbsent(departmentName, name -> {
                Department created = new Department(hospitalId, name, null, 100);
                em.persist(created);
                return created;
            });
            Doctor doctor = known.get(external.externalId());
            if (doctor == null) {
                em.persist(Doctor.imported(department, external.externalId(), cut(external.name(), 50),
                        cut(external.title(), 50), cut(external.specialty(), 500)));
                added++;
            } else {
                HospitalView.DoctorView before = doctor.view();
                doctor.reimport(department, cut(external.name(), 50), cut(external.title(), 50), cut(external.specialty(), 500));
                if (!before.equals(doctor.view())) {
                    updated++;
                }
            }
        }
        int retired = 0;
        for (Doctor doctor : known.values()) {
            if (!seen.contains(doctor.externalId()) && doctor.active()) {
                doctor.apply(doctor.view().name(), doctor.view().title(), doctor.view().specialty(), false);
                retired++;
            }
        }
        return new Changes(added, updated, retired);
    }

    /**
     * The clinic times of [from, to) as the server has them: added, changed, and those no longer there
     * deleted. A time of a doctor the catalog does not know (not imported) is left out.
     */
    public Changes importClinicTimes(String hospitalId, List<ExternalClinicTime> times, Instant from, Instant to) {
        Map<String, String> doctorOf = new HashMap<>();
        em.createQuery("select d from Doctor d where d.hospitalId = :hospital and d.externalId is not null", Doctor.class)
                .setParameter("hospital", hospitalId).getResultStream().forEach(d -> doctorOf.put(d.externalId(), d.id()));
        Map<String, ClinicTime> known = new HashMap<>();
        em.createQuery("select c from ClinicTime c where c.hospitalId = :hospital and c.startsAt >= :from"
                + " and c.startsAt < :to", ClinicTime.class).setParameter("hospital", hospitalId)
                .setParameter("from", from).setParameter("to", to).getResultStream()
                .forEach(c -> known.put(c.externalId(), c));
        int added = 0;
        int updated = 0;
        Set<String> seen = new HashSet<>();
        for (ExternalClinicTime time : times) {
            String doctorId = doctorOf.get(time.doctorExternalId());
            if (doctorId == null || !time.end().isAfter(time.start()) || time.start().isBefore(from) || !time.start().isBefore(to)
                    || !seen.add(time.externalId())) {
                continue;
            }
            ClinicTime clinicTime = known.get(time.externalId());
            if (clinicTime == null) {
                clinicTime = em.createQuery("select c from ClinicTime c where c.hospitalId = :hospital"
                        + " and c.externalId = :external", ClinicTime.class).setParameter("hospital", hospitalId)
                        .setParameter("external", time.externalId()).getResultStream().findFirst().orElse(null);
            }
            if (clinicTime == null) {
                clinicTime = new ClinicTime(hospitalId, doctorId, time.externalId());
                clinicTime.update(doctorId, time.start(), time.end(), time.free());
                em.persist(clinicTime);
                added++;
            } else if (clinicTime.update(doctorId, time.start(), time.end(), time.free())) {
                updated++;
            }
        }
        int removed = 0;
        for (ClinicTime clinicTime : known.values()) {
            if (!seen.contains(clinicTime.externalId())) {
                em.remove(clinicTime);
                removed++;
            }
        }
        return new Changes(added, updated, removed);
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    /** An active doctor's clinic times in [from, to), for members; a 404 for a doctor members cannot see. */
    public List<ClinicTime.ClinicTimeView> clinicTimes(String doctorId, Instant from, Instant to) {
        Doctor doctor = doctorId == null ? null : em.find(Doctor.class, doctorId);
        Hospital hospital = doctor == null ? null : em.find(Hospital.class, doctor.hospitalId());
        if (doctor == null || !doctor.active() || hospital == null || !hospital.active()) {
            throw BusinessException.notFound("医生");
        }
        return em.createQuery("select c from ClinicTime c where c.doctorId = :doctor and c.startsAt >= :from"
                + " and c.startsAt < :to order by c.startsAt", ClinicTime.class).setParameter("doctor", doctorId)
                .setParameter("from", from).setParameter("to", to).setMaxResults(500).getResultStream()
                .map(ClinicTime::view).toList();
    }
}
