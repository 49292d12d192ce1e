package health.leiming.care;

import health.leiming.platform.BusinessException;
import health.leiming.platform.ErrorKind;
import health.leiming.platform.Ids;
import health.leiming.platform.Masking;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A companion who carries out services: which services they can do, which hospitals they cover and
 * on which days of the week they work. Their capacity is one appointment per slot.
 */
@Entity
@Table(name = "staff")
public class Staff {

    /** pending: added from WeCom, waiting for an admin to approve (active: true) before any task or login. */
    public enum Status { active, left, pending }

    @Id
    private String id;

    @Column(nullable = false)
    private String name;

    private String phone;

    @Column(name = "wecom_user_id")
    private String wecomUserId;

    /** ISO days of the week as digits, Monday = 1: "12345" is Monday to Friday. */
    @Column(name = "work_days", nullable = false)
    private String workDays;

    @Column(nullable = false)
    private String status;

    @Column(name = "rating_sum", nullable = false)
    private long ratingSum;

    @Column(name = "rating_count", nullable = false)
    private long ratingCount;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "staff_services", joinColumns = @JoinColumn(name = "staff_id"))
    @Column(name = "service_id")
    private Set<String> serviceIds = new HashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "staff_hospitals", joinColumns = @JoinColumn(name = "staff_id"))
    @Column(name = "hospital_id")
    private Set<String> hospitalIds = new HashSet<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Staff() {
    }

    Staff(StaffDetails details, Instant now) {
        id = Ids.newId();
        createdAt = now;
        status = Status.active.name();
        apply(details, now);
    }

    void apply(StaffDetails details, Instant now) {
        name = details.name().strip();
        // The masked number an editor was shown, sent back unchanged, keeps the number (no one sees it in full).
        boolean maskedEcho = details.phone() != null && phone != null && details.phone().equals(Masking.phone(phone));
        phone = maskedEcho ? phone : details.phone();
        wecomUserId = details.wecomUserId() == null || details.wecomUserId().isBlank() ? null : details.wecomUserId().strip();
        workDays = workDays(details.workDays());
        serviceIds = new HashSet<>(details.serviceIds() == null ? Set.of() : details.serviceIds());
        hospitalIds = new HashSet<>(details.hospitalIds() == null ? Set.of() : details.hospitalIds());
        if (details.active() != null) {
            status = (details.active() ? Status.active : Status.left).name();
        }
        updatedAt = now;
    }

    /** Work days as given (1-7, Monday = 1), checked and kept in order; none given means every day. */
    static String workDays(List<Integer> days) {
        if (days == null || days.isEmpty()) {
            return "1234567";
        }
        Set<Integer> sorted = new TreeSet<>();
        for (Integer day : days) {
            if (day == null || day < 1 || day > 7) {
                throw new BusinessException(ErrorKind.BAD_REQUEST, "WORK_DAYS_INVALID", "工作日须为1（周一）到7（周日）");
            }
            sorted.add(day);
        }
        StringBuilder digits = new StringBuilder();
        sorted.forEach(digits::append);
        return digits.toString();
    }

    /** A change in WeCom's contacts: name, mobile, and (rarely) the user id itself. */
    void followWecom(String newName, String newMobile, String newUserId, Instant now) {
        if (newName != null && !newName.isBlank()) {
            name = newName.strip();
        }
        if (newMobile != null && !newMobile.isBlank()) {
            phone = newMobile.strip();
        }
        if (newUserId != null && !newUserId.isBlank()) {
            wecomUserId = newUserId.strip();
        }
        updatedAt = now;
    }

    /** Left the organisation: no longer offered for bookings; past orders keep their companion. */
    /** Added from WeCom's contacts: not offered for bookings, and no staff login, until an admin approves. */
    void awaitApproval() {
        status = Status.pending.name();
    }

    void leave(Instant now) {
        status = Status.left.name();
        updatedAt = now;
    }

    public boolean isActive() {
        return Status.active.name().equals(status);
    }

    public boolean worksOn(DayOfWeek day) {
        return isActive() && workDays.indexOf(Character.forDigit(day.getValue(), 10)) >= 0;
    }

    public boolean canServe(String serviceId, String hospitalId) {
        return serviceIds.contains(serviceId) && (hospitalId == null || hospitalIds.contains(hospitalId));
    }

    public void rate(int stars) {
        ratingSum += stars;
        ratingCount++;
    }

    public StaffView view() {
        return new StaffView(id, name, Masking.phone(phone), wecomUserId,
                workDays.chars().map(c -> c - '0').boxed().toList(), status, Set.copyOf(serviceIds),
                Set.copyOf(hospitalIds), Ratings.average(ratingSum, ratingCount), ratingCount);
    }

    /** What a member sees of the companion serving them: name and rating, no contact details. */
    public StaffView.Public publicView() {
        return new StaffView.Public(id, name, Ratings.average(ratingSum, ratingCount), ratingCount);
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String wecomUserId() {
        return wecomUserId;
    }

    public record StaffDetails(String name, String phone, String wecomUserId, List<Integer> workDays,
            Set<String> serviceIds, Set<String> hospitalIds, Boolean active) {
    }
}
