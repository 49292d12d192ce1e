package health.leiming.care;

import health.leiming.platform.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.security.SecureRandom;
import java.time.Instant;

/**
 * A booked service at a time, for one person, carried out by one staff member (the seed's
 * appointments). Its status follows its order's; the check-in code is what the member shows the
 * companion on site.
 */
@Entity
@Table(name = "appointments")
public class Appointment {

    public enum Status { scheduled, confirmed, in_progress, completed, cancelled }

    private static final SecureRandom RANDOM = new SecureRandom();

    @Id
    private String id;

    @Column(name = "order_id", nullable = false)
    private String orderId;

    @Column(name = "user_id", nullable = false)
    private String userId;

    @Column(name = "person_id", nullable = false)
    private String personId;

    @Column(name = "service_id", nullable = false)
    private String serviceId;

    @Column(name = "hospital_id")
    private String hospitalId;

    @Column(name = "scheduled_time", nullable = false)
    private Instant scheduledTime;

    @Column(name = "duration_minutes", nullable = false)
    private int durationMinutes;

    @Column(nullable = false)
    private String status;

    @Column(name = "staff_id")
    private String staffId;

    @Column(name = "check_in_code", nullable = false)
    private String checkInCode;

    private String notes;

    @Column(name = "reminder_sent", nullable = false)
    private boolean reminderSent;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Appointment() {
    }

    Appointment(String orderId, String userId, String personId, String serviceId, int durationMinutes,
            String hospitalId, Instant scheduledTime, String staffId, String notes, Instant now) {
        this.id = Ids.newId();
        this.orderId = orderId;
        this.userId = userId;
        this.personId = personId;
        this.serviceId = serviceId;
        this.hospitalId = hospitalId;
        this.scheduledTime = scheduledTime;
        this.durationMinutes = durationMinutes;
        this.status = Status.scheduled.name();
        this.staffId = staffId;
        this.checkInCode = String.format("%06d", RANDOM.nextInt(1_000_000));
        this.notes = notes;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Another companion carries it out (their slots were claimed by the caller). */
    void reassign(String staffId, Instant now) {
        this.staffId = staffId;
        updatedAt = now;
    }

    /** Another start (and perhaps companion; the caller claimed the slots); its reminder is due again. */
    void reschedule(Instant start, String staffId, Instant now) {
        this.scheduledTime = start;
        this.staffId = staffId;
        this.reminderSent = false;
        updatedAt = now;
    }

    void moveTo(Status target, Instant now) {
        status = target.name();
        updatedAt = now;
    }

    public AppointmentView view(String orderNo, String orderStatus, java.math.BigDecimal amount, StaffView.Public staff) {
        return new AppointmentView(id, orderId, orderNo, orderStatus, serviceId, hospitalId, personId, scheduledTime,
                durationMinutes, status, amount, staff, checkInCode, notes);
    }

    /** True when the code the member shows on site is this appointment's. */
    public boolean checkInCodeMatches(String code) {
        return code != null && java.security.MessageDigest.isEqual(checkInCode.getBytes(
                java.nio.charset.StandardCharsets.US_ASCII), code.strip().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    public String personId() {
        return personId;
    }

    public String serviceId() {
        return serviceId;
    }

    public String hospitalId() {
        return hospitalId;
    }

    public String notes() {
        return notes;
    }

    public String status() {
        return status;
    }

    public String id() {
        return id;
    }

    public String orderId() {
        return orderId;
    }

    public String userId() {
        return userId;
    }

    public String staffId() {
        return staffId;
    }

    public Instant scheduledTime() {
        return scheduledTime;
    }

    public int durationMinutes() {
        return durationMinutes;
    }
}
