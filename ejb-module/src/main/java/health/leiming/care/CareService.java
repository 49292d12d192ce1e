package health.leiming.care;

import health.leiming.platform.BusinessException;
import health.leiming.platform.ErrorKind;
import health.leiming.platform.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/** A service members can book (the seed's services table): its price is the only price an order takes. */
@Entity
@Table(name = "services")
public class CareService {

    @Id
    private String id;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ServiceCategory category;

    private String description;

    @Column(nullable = false)
    private BigDecimal price;

    @Column(name = "duration_minutes", nullable = false)
    private int durationMinutes;

    @Column(name = "is_active", nullable = false)
    private boolean active;

    @Column(name = "sort_order", nullable = false)
    private int sortOrder;

    @Column(name = "rating_sum", nullable = false)
    private long ratingSum;

    @Column(name = "rating_count", nullable = false)
    private long ratingCount;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected CareService() {
    }

    CareService(ServiceDetails details, Instant now) {
        this.id = Ids.newId();
        this.createdAt = now;
        apply(details, now);
    }

    void apply(ServiceDetails details, Instant now) {
        name = details.name().strip();
        category = ServiceCategory.parse(details.category());
        description = details.description();
        if (details.price().signum() < 0 || details.price().stripTrailingZeros().scale() > 2) {
            throw new BusinessException(ErrorKind.BAD_REQUEST, "PRICE_INVALID", "价格须为不小于0的金额，最多两位小数");
        }
        if (details.durationMinutes() <= 0 || details.durationMinutes() > 24 * 60) {
            throw new BusinessException(ErrorKind.BAD_REQUEST, "DURATION_INVALID", "服务时长须在1分钟到24小时之间");
        }
        price = details.price().setScale(2, RoundingMode.UNNECESSARY);
        durationMinutes = details.durationMinutes();
        active = details.active() == null || details.active();
        sortOrder = details.sortOrder() == null ? 0 : details.sortOrder();
        updatedAt = now;
    }

    /** A review's rating (1-5) counts towards the service's average. */
    public void rate(int stars) {
        ratingSum += stars;
        ratingCount++;
    }

    public ServiceView view() {
        return new ServiceView(id, name, category.name(), category.label(), description, price, durationMinutes, active,
                sortOrder, Ratings.average(ratingSum, ratingCount), ratingCount);
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public BigDecimal price() {
        return price;
    }

    public int durationMinutes() {
        return durationMinutes;
    }

    public boolean active() {
        return active;
    }

    public ServiceCategory category() {
        return category;
    }
}
