package health.leiming.care;

import health.leiming.platform.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.List;

/** A department of a hospital. */
@Entity
@Table(name = "departments")
public class Department {

    @Id
    private String id;

    @Column(name = "hospital_id", nullable = false)
    private String hospitalId;

    @Column(nullable = false)
    private String name;

    private String description;

    @Column(name = "is_active", nullable = false)
    private boolean active;

    @Column(name = "sort_order", nullable = false)
    private int sortOrder;

    @Version
    private long version;

    protected Department() {
    }

    Department(String hospitalId, String name, String description, Integer sortOrder) {
        this.id = Ids.newId();
        this.hospitalId = hospitalId;
        this.name = name.strip();
        this.description = description;
        this.active = true;
        this.sortOrder = sortOrder == null ? 0 : sortOrder;
    }

    /** New name, description and order; an inactive department is no longer shown to members. */
    void apply(String name, String description, Integer sortOrder, Boolean active) {
        this.name = name.strip();
        this.description = description;
        if (sortOrder != null) {
            this.sortOrder = sortOrder;
        }
        if (active != null) {
            this.active = active;
        }
    }

    HospitalView.DepartmentView view(List<HospitalView.DoctorView> doctors) {
        return new HospitalView.DepartmentView(id, name, description, sortOrder, active, doctors);
    }

    public String id() {
        return id;
    }

    public String hospitalId() {
        return hospitalId;
    }
}
