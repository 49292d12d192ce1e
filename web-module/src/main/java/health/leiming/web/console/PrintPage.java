package health.leiming.web.console;

import health.leiming.order.AdminOrders;
import health.leiming.order.OrderService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** 打印: a day's appointments that still hold their place, per companion in time order, for paper. */
@Named
@RequestScoped
public class PrintPage {

    private static final int MAX = 2_000;

    @Inject
    AdminOrders orders;

    @Inject
    @ConfigProperty(name = "leiming.business-zone", defaultValue = "Asia/Shanghai")
    ZoneId zone;

    private String date;
    private LocalDate day;
    private List<Group> groups = List.of();
    private String error;

    public void load() {
        try {
            day = date == null || date.isBlank() ? LocalDate.now(zone) : LocalDate.parse(date.strip());
        } catch (DateTimeParseException e) {
            error = "日期格式应为 年-月-日";
            return;
        }
        Map<String, List<OrderService.OrderDetail>> byStaff = new LinkedHashMap<>();
        orders.dayByCompanion(day, MAX).forEach(o -> byStaff.computeIfAbsent(AdminOrders.companionName(o),
                k -> new ArrayList<>()).add(o));
        groups = byStaff.entrySet().stream().map(e -> new Group(e.getKey(), e.getValue())).toList();
    }

    public List<Group> getGroups() {
        return groups;
    }

    public LocalDate getDay() {
        return day;
    }

    public String getError() {
        return error;
    }

    public String getDate() {
        return date;
    }

    public void setDate(String date) {
        this.date = date;
    }

    /** One companion's appointments of the day. */
    public record Group(String staffName, List<OrderService.OrderDetail> orders) {
    }
}
