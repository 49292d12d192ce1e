package health.leiming.order;

import health.leiming.care.Appointment;
import health.leiming.care.Booking;
import health.leiming.care.Catalog;
import health.leiming.care.StaffDirectory;
import health.leiming.care.StaffView;
import health.leiming.platform.BusinessException;
import health.leiming.platform.ErrorKind;
import health.leiming.platform.Filter;
import health.leiming.platform.Page;
import health.leiming.platform.PageRequest;
import health.leiming.platform.Text;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;

/** Reviews: once per completed order, by its member; the service's and companion's averages follow. */
@Stateless
public class Reviews {

    static final int MAX_TAGS = 5;

    @PersistenceContext(unitName = "leiming")
    EntityManager em;

    @Inject
    Booking booking;

    @Inject
    Catalog catalog;

    @Inject
    StaffDirectory staff;

    public Review.ReviewView review(String memberId, String orderId, int rating, String content, List<String> tags) {
        Order order = orderId == null ? null : em.find(Order.class, orderId, LockModeType.PESSIMISTIC_WRITE);
        if (order == null || !order.belongsTo(memberId)) {
            throw BusinessException.notFound("订单");
        }
        if (order.status() != OrderStatus.completed) {
            throw new BusinessException(ErrorKind.CONFLICT, "ORDER_NOT_COMPLETED", "服务完成后才能评价");
        }
        if (rating < 1 || rating > 5) {
            throw new BusinessException(ErrorKind.BAD_REQUEST, "RATING_INVALID", "评分须为1到5星");
        }
        LinkedHashSet<String> unique = new LinkedHashSet<>();
        for (String tag : tags == null ? List.<String>of() : tags) {
            if (tag != null && !tag.isBlank()) {
                unique.add(tag.strip().replace("|", ""));
            }
        }
        if (unique.size() > MAX_TAGS) {
            throw new BusinessException(ErrorKind.BAD_REQUEST, "TOO_MANY_TAGS", "最多选择" + MAX_TAGS + "个标签");
        }
        if (em.createQuery("select count(r) from Review r where r.orderId = :order", Long.class)
                .setParameter("order", order.id()).getSingleResult() > 0) {
            throw new BusinessException(ErrorKind.CONFLICT, "REVIEW_EXISTS", "该订单已评价");
        }
        Appointment appointment = booking.appointmentOf(order.id());
        Review review = new Review(order, appointment.staffId(), rating, content == null || content.isBlank() ? null
                : content.strip(), List.copyOf(unique), Instant.now());
        em.persist(review);
        try {
            em.flush();
        } catch (PersistenceException e) {
            throw new BusinessException(ErrorKind.CONFLICT, "REVIEW_EXISTS", "该订单已评价");
        }
        catalog.rate(order.serviceId(), appointment.staffId(), rating);
        return review.view();
    }

    /**
     * Reviews for operators, newest first: by service, by companion, and at most a rating (the unhappy
     * ones first to read); each with its order number, service and companion, no member data.
     */
    public Page<OperatorReview> forOperators(String serviceId, String staffId, Integer maxRating, PageRequest page) {
        if (maxRating != null && (maxRating < 1 || maxRating > 5)) {
            throw new BusinessException(ErrorKind.BAD_REQUEST, "RATING_INVALID", "评分应为1到5");
        }
        Filter filter = new Filter()
                .andIfGiven("r.serviceId = :service", "service", Text.blankToNull(serviceId))
                .andIfGiven("r.staffId = :staff", "staff", Text.blankToNull(staffId))
                .andIfGiven("r.rating <= :rating", "rating", maxRating);
        return page.read(em, Review.class, "Review r", filter, "r.createdAt desc, r.id", review -> {
            Review.ReviewView view = review.view();
            Order order = em.find(Order.class, view.orderId());
            StaffView.Public companion = staff.publicViewOf(review.staffId());
            return new OperatorReview(view, order.orderNo(), order.serviceName(), companion == null ? null : companion.name());
        });
    }

    /** A review as operators read it. */
    public record OperatorReview(Review.ReviewView review, String orderNo, String serviceName, String staffName) {
    }

    /** The newest reviews of a service (no member data), for its page. */
    public Page<Review.ReviewView> ofService(String serviceId, PageRequest page) {
        return page.read(em, Review.class, "Review r", new Filter().and("r.serviceId = :service", "service", serviceId),
                "r.createdAt desc, r.id", Review::view);
    }
}
