package health.leiming.care;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/** A staff member as admins see them (phone masked). */
public record StaffView(String id, String name, String phone, String wecomUserId, List<Integer> workDays,
        String status, Set<String> serviceIds, Set<String> hospitalIds, BigDecimal rating, long ratingCount) {

    /** The companion as the member they serve sees them. */
    public record Public(String id, String name, BigDecimal rating, long ratingCount) {
    }
}
