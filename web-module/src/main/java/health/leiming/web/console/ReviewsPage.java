package health.leiming.web.console;

import health.leiming.care.Catalog;
import health.leiming.care.ServiceView;
import health.leiming.order.Reviews;
import health.leiming.platform.BusinessException;
import health.leiming.platform.PageRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** 评价: members' reviews, newest first, by service and at most a rating (the unhappy ones to follow up). */
@Named
@RequestScoped
public class ReviewsPage extends ListPage<Reviews.OperatorReview> {

    @Inject
    Reviews reviews;

    @Inject
    Catalog catalog;

    private String serviceId;
    private Integer maxRating;
    private List<ServiceView> services;

    public void search() {
        try {
            shown(reviews.forOperators(serviceId, null, maxRating, new PageRequest(pageAsked(), SIZE)));
        } catch (BusinessException e) {
            refused(e.getMessage());
        }
    }

    public String link(int toPage) {
        return Console.query("serviceId", serviceId, "maxRating", maxRating == null ? null : maxRating.toString(),
                "page", toPage > 1 ? String.valueOf(toPage) : null);
    }

    /** The export's query: the same filters. */
    public String getExportQuery() {
        return Console.query("serviceId", serviceId, "maxRating", maxRating == null ? null : maxRating.toString());
    }

    public List<ServiceView> getServices() {
        if (services == null) {
            services = catalog.allServices();
        }
        return services;
    }

    /** Stars as text: ★★★☆☆. */
    public String stars(int rating) {
        return "★".repeat(Math.max(0, Math.min(5, rating))) + "☆".repeat(Math.max(0, 5 - rating));
    }

    public String getServiceId() {
        return serviceId;
    }

    public void setServiceId(String serviceId) {
        this.serviceId = serviceId;
    }

    public Integer getMaxRating() {
        return maxRating;
    }

    public void setMaxRating(Integer maxRating) {
        this.maxRating = maxRating;
    }
}
