package health.leiming.order;

import health.leiming.platform.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** A member's rating (1-5) of a completed order's service and companion, with text and tags. */
@Entity
@Table(name = "reviews")
public class Review {

    @Id
    private String id;

    @Column(name = "order_id", nullable = false)
    private String orderId;

    @Column(name = "user_id", nullable = false)
    private String userId;

    @Column(name = "service_id", nullable = false)
    private String serviceId;

    @Column(name = "staff_id")
    private String staffId;

    @Column(nullable = false)
    private int rating;

    private String content;

    /** Tags joined by "|" (tags are short phrases such as 准时, 耐心). */
    private String tags;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Review() {
    }

    Review(Order order, String staffId, int rating, String content, List<String> tags, Instant now) {
        this.id = Ids.newId();
        this.orderId = order.id();
        this.userId = order.userId();
        this.serviceId = order.serviceId();
        this.staffId = staffId;
        this.rating = rating;
        this.content = content;
        this.tags = tags.isEmpty() ? null : String.join("|", tags);
        this.createdAt = now;
    }

    public ReviewView view() {
        return new ReviewView(id, orderId, rating, content, tags == null ? List.of() : Arrays.asList(tags.split("\\|")),
                createdAt);
    }

    String staffId() {
        return staffId;
    }

    public record ReviewView(String id, String orderId, int rating, String content, List<String> tags,
            Instant createdAt) {
    }
}
