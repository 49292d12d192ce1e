package health.leiming.care;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A staff member's slot, taken by an appointment. The primary key (staff, slot start) is what makes
 * overbooking impossible: two bookings racing for the same companion's slot cannot both commit, on
 * any number of servers. Cancelling the appointment removes its claims and frees the place.
 */
@Entity
@Table(name = "staff_slot_claims")
@IdClass(SlotClaim.Key.class)
public class SlotClaim {

    @Id
    @Column(name = "staff_id")
    private String staffId;

    /** UTC; a LocalDateTime because attribute converters do not apply to key attributes. */
    @Id
    @Column(name = "slot_start")
    private LocalDateTime slotStart;

    @Column(name = "appointment_id", nullable = false)
    private String appointmentId;

    protected SlotClaim() {
    }

    SlotClaim(String staffId, Instant slotStart, String appointmentId) {
        this.staffId = staffId;
        this.slotStart = utc(slotStart);
        this.appointmentId = appointmentId;
    }

    static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    String staffId() {
        return staffId;
    }

    Instant slotStart() {
        return slotStart.toInstant(ZoneOffset.UTC);
    }

    /** The composite key: staff and slot start. */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private String staffId;
        private LocalDateTime slotStart;

        public Key() {
        }

        static Key of(String staffId, Instant slotStart) {
            Key key = new Key();
            key.staffId = staffId;
            key.slotStart = utc(slotStart);
            return key;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(staffId, key.staffId)
                    && Objects.equals(slotStart, key.slotStart);
        }

        @Override
        public int hashCode() {
            return Objects.hash(staffId, slotStart);
        }
    }
}
