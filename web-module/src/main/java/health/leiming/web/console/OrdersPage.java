package health.leiming.web.console;

import health.leiming.order.AdminOrders;
import health.leiming.order.OrderService;
import health.leiming.platform.BusinessException;
import health.leiming.platform.Page;
import health.leiming.platform.PageRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * 订单: the order list, searched by number, member phone, status and appointment day, paged on the
 * server. The filters are GET parameters, so a search can be bookmarked and the browser's back works.
 */
@Named
@RequestScoped
public class OrdersPage {

    static final int SIZE = 20;

    @Inject
    AdminOrders orders;

    private String orderNo;
    private String phone;
    private String status;
    private String date;
    private int page = 1;
    private Page<OrderService.OrderDetail> result;
    private String error;

    /** Runs the search (f:viewAction); a filter the service refuses shows its reason instead of a list. */
    public void search() {
        try {
            LocalDate day = date == null || date.isBlank() ? null : LocalDate.parse(date.strip());
            result = orders.search(new AdminOrders.Filter(status, day, null, null, phone, null, orderNo),
                    new PageRequest(Math.max(page, 1), SIZE));
        } catch (DateTimeParseException e) {
            error = "日期格式应为 年-月-日，例如 2026-12-01";
        } catch (BusinessException e) {
            error = e.getMessage();
        }
    }

    public List<OrderService.OrderDetail> getItems() {
        return result == null ? List.of() : result.items();
    }

    public long getTotal() {
        return result == null ? 0 : result.total();
    }

    public int getPages() {
        return result == null ? 1 : (int) Math.max(1, (result.total() + SIZE - 1) / SIZE);
    }

    /** The list's address with these filters on another page. */
    public String link(int toPage) {
        return Console.query("orderNo", orderNo, "phone", phone, "status", status, "date", date, "page",
                toPage > 1 ? String.valueOf(toPage) : null);
    }

    /** The export's query: the same filters. */
    public String getExportQuery() {
        return Console.query("orderNo", orderNo, "phone", phone, "status", status, "date", date);
    }

    public String getError() {
        return error;
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

    public int getPage() {
        return page;
    }

    public void setPage(int page) {
        this.page = page;
    }
}
