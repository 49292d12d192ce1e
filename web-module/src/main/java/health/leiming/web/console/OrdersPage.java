package health.leiming.web.console;

import health.leiming.care.Catalog;
import health.leiming.care.ServiceView;
import health.leiming.care.StaffView;
import health.leiming.order.AdminOrders;
import health.leiming.order.OrderService;
import health.leiming.platform.BusinessException;
import health.leiming.platform.PageRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * 订单: the order list, searched by number, member phone, status, appointment day, service and companion, sorted (newest,
 * appointment time, amount) and paged on the server. The filters are GET parameters, so a search can be bookmarked and the browser's back works.
 */
@Named
@RequestScoped
public class OrdersPage extends ListPage<OrderService.OrderDetail> {

    @Inject
    AdminOrders orders;

    @Inject
    Catalog catalog;

    private String orderNo;
    private String phone;
    private String status;
    private String date;
    private String sort;
    private String serviceId;
    private String staffId;
    private List<ServiceView> services;
    private List<StaffView> companions;

    /** Runs the search (f:viewAction); a filter the service refuses shows its reason instead of a list. */
    public void search() {
        try {
            LocalDate day = date == null || date.isBlank() ? null : LocalDate.parse(date.strip());
            shown(orders.search(new AdminOrders.Filter(status, day, serviceId, null, phone, null, orderNo, staffId),
                    AdminOrders.Sort.parse(sort), new PageRequest(pageAsked(), SIZE)));
        } catch (DateTimeParseException e) {
            refused("日期格式应为 年-月-日，例如 2026-12-01");
        } catch (BusinessException e) {
            refused(e.getMessage());
        }
    }

    /** The list's address with these filters on another page. */
    public String link(int toPage) {
        return Console.query("orderNo", orderNo, "phone", phone, "status", status, "date", date, "serviceId", serviceId,
                "staffId", staffId, "sort", sort, "page",
                toPage > 1 ? String.valueOf(toPage) : null);
    }

    /** The list's address with these filters in another order (from its first page). */
    public String sortedBy(String by) {
        return Console.query("orderNo", orderNo, "phone", phone, "status", status, "date", date, "serviceId", serviceId,
                "staffId", staffId, "sort", by);
    }

    /** "on" for the sort in use, for the column heading's style. */
    public String sortClass(String by) {
        return (sort == null || sort.isBlank() ? "newest" : sort).equals(by) ? "sort on" : "sort";
    }

    /** The services and companions to filter by (inactive ones too: their past orders are searched). */
    public List<ServiceView> getServices() {
        if (services == null) {
            services = catalog.allServices();
        }
        return services;
    }

    public List<StaffView> getCompanions() {
        if (companions == null) {
            companions = catalog.allStaff();
        }
        return companions;
    }

    public String getServiceId() {
        return serviceId;
    }

    public void setServiceId(String serviceId) {
        this.serviceId = serviceId;
    }

    public String getStaffId() {
        return staffId;
    }

    public void setStaffId(String staffId) {
        this.staffId = staffId;
    }

    public String getSort() {
        return sort;
    }

    public void setSort(String sort) {
        this.sort = sort;
    }

    /** The export's query: the same filters. */
    public String getExportQuery() {
        return Console.query("orderNo", orderNo, "phone", phone, "status", status, "date", date, "serviceId", serviceId,
                "staffId", staffId, "sort", sort);
    }

    public String getOrderNo() {
        return orderNo;
    }

    public void setOrderNo(String orderNo) {
        this.orderNo = orderNo;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getDate() {
        return date;
    }

    public void setDate(String date) {
        this.date = date;
    }
}
