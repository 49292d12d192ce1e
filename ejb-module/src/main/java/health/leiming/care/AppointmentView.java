package health.leiming.care;

import java.math.BigDecimal;
import java.time.Instant;

/** An appointment with its order's number and status, as the member who booked it sees it. */
public record AppointmentView(String appointmentId, String orderId, String orderNo, String status,
        String serviceId, String hospitalId, String personId, Instant scheduledTime, int durationMinutes,
        String appointmentStatus, BigDecimal amount, StaffView.Public staff, String checkInCode, String notes) {

    /** The same without the check-in code: for anyone but the member (the code proves the member was met). */
    public AppointmentView withoutCheckInCode() {
        return new AppointmentView(appointmentId, orderId, orderNo, status, serviceId, hospitalId, personId, scheduledTime,
                durationMinutes, appointmentStatus, amount, staff, null, notes);
    }
}
