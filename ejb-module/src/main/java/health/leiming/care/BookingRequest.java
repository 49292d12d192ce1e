package health.leiming.care;

import java.time.Instant;

/** A member's booking (seed 5.3.3): for themselves or a family member (personId), at a hospital or not. */
public record BookingRequest(String serviceId, Instant scheduledTime, String personId, String hospitalId,
        String contactPerson, String contactPhone, String notes) {
}
