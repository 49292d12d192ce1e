package health.leiming.care;

import health.leiming.platform.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;

/** A hospital where services take place (医院对接). */
@Entity
@Table(name = "hospitals")
public class Hospital {

    @Id
    private String id;

    @Column(nullable = false)
    private String name;

    private String grade;

    private String city;

    private String address;

    private String phone;

    @Column(name = "is_active", nullable = false)
    private boolean active;

    @Column(name = "sort_order", nullable = false)
    private int sortOrder;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Hospital() {
    }

    Hospital(HospitalDetails details, Instant now) {
        id = Ids.newId();
        createdAt = now;
        apply(details, now);
    }

    void apply(HospitalDetails details, Instant now) {
        name = details.name().strip();
        grade = details.grade();
        city = details.city();
        address = details.address();
        phone = details.phone();
        active = details.active() == null || details.active();
        sortOrder = details.sortOrder() == null ? 0 : details.sortOrder();
        updatedAt = now;
    }

    public HospitalView view(List<HospitalView.DepartmentView> departments) {
        return new HospitalView(id, name, grade, city, address, phone, active, sortOrder, departments);
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public boolean active() {
        return active;
    }

    public record HospitalDetails(String name, String grade, String city, String address, String phone,
            Boolean active, Integer sortOrder) {
    }
}
