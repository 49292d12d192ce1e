package health.leiming.care;

import java.math.BigDecimal;

/** A service as members and admins see it, with its average rating. */
public record ServiceView(String id, String name, String category, String categoryLabel, String description,
        BigDecimal price, int durationMinutes, boolean active, int sortOrder, BigDecimal rating, long ratingCount) {
}
