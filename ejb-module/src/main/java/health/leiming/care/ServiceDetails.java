package health.leiming.care;

import java.math.BigDecimal;

/** What an admin gives for a service; checked by the web layer's validation and by the entity. */
public record ServiceDetails(String name, String category, String description, BigDecimal price,
        int durationMinutes, Boolean active, Integer sortOrder) {
}
