package health.leiming.care;

import health.leiming.platform.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A doctor of a hospital department (医生管理). */
@Entity
@Table(name = "doctors")
public class Doctor {

    @Id
    private String id;

    @Column(name = "hospital_id", nullable = false)
    private String hospitalId;

    @Column(name = "department_id", nullable = false)
    private String departmentId;

    @Column(nullable = false)
    private String name;

    private String title;

    private String specialty;

    @Column(name = "is_active", nullable = false)
    private boolean active;

    /** The hospital FHIR server's Practitioner id, for a doctor the hospital-import job brought in. */
    @Column(name = "external_id")
    private String externalId;

    @Version
    private long version;

    protected Doctor() {
    }

    Doctor(Department department, String name, String title, String specialty) {
        this.id = Ids.newId();
        this.hospitalId = department.hospitalId();
        this.departmentId = department.id();
        this.name = name.strip();
        this.title = title;
        this.specialty = specialty;
        this.active = true;
    }

    /** New name, title and specialty; an inactive doctor is no longer shown to members. */
    void apply(String name, String title, String specialty, Boolean active) {
        this.name = name.strip();
        this.title = title;
        this.specialty = specialty;
        if (active != null) {
            this.active = active;
        }
    }

    /** A doctor of the hospital's own FHIR server. */
    static Doctor imported(Department department, String externalId, String name, String title, String specialty) {
        Doctor doctor = new Doctor(department, name, title, specialty);
        doctor.externalId = externalId;
        return doctor;
    }

    /** As the hospital's server has them now (name, title, specialty, department), active again if retired. */
    void reimport(Department department, String name, String title, String specialty) {
        this.departmentId = department.id();
        apply(name, title, specialty, true);
    }

    String id() {
        return id;
    }

    String externalId() {
        return externalId;
    }

    boolean active() {
        return active;
    }

    HospitalView.DoctorView view() {
        return new HospitalView.DoctorView(id, departmentId, name, title, specialty, active);
    }

    String hospitalId() {
        return hospitalId;
    }

    String departmentId() {
        return departmentId;
    }
}
