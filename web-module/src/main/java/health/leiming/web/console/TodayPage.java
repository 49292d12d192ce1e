package health.leiming.web.console;

import health.leiming.health.DailyRollup;
import health.leiming.notify.Deliveries;
import health.leiming.notify.Delivery;
import health.leiming.order.AdminOrders;
import health.leiming.order.OrderStatus;
import health.leiming.platform.PageRequest;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Arrays;
import java.util.List;

/**
 * 今日: the day's orders by status, orders waiting for payment (and those about to be cancelled for it),
 * the day's health risk alerts (figures only: who they concern is health data, seen only with a reason
 * on a member's page), the companions' load, failed notifications, the last batch runs.
 */
@Named
@RequestScoped
public class TodayPage {

    @Inject
    AdminOrders orders;

    @Inject
    Deliveries deliveries;

    @Inject
    DailyRollup rollup;

    @Inject
    health.leiming.batch.JobControl jobs;

    private AdminOrders.Today today;
    private long failedDeliveries;
    private DailyRollup.Alerts alerts;

    @PostConstruct
    void load() {
        today = orders.today();
        failedDeliveries = deliveries.list(Delivery.Status.dead, new PageRequest(1, 1)).total();
        alerts = rollup.alertsOn(today.day());
    }

    public AdminOrders.Today getToday() {
        return today;
    }

    public List<OrderStatus> getStatuses() {
        return Arrays.asList(OrderStatus.values());
    }

    public long count(OrderStatus status) {
        return today.byStatus().getOrDefault(status, 0L);
    }

    /** The last batch runs, newest first: whether the night's reports, reminders and reconciliation ran. */
    public List<health.leiming.batch.JobControl.ExecutionView> getRecentJobs() {
        return jobs.executions(null, 5);
    }

    public DailyRollup.Alerts getAlerts() {
        return alerts;
    }

    public long getFailedDeliveries() {
        return failedDeliveries;
    }
}
