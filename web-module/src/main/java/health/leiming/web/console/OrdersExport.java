package health.leiming.web.console;

import health.leiming.order.AdminOrders;
import health.leiming.order.OrderService;
import health.leiming.platform.Page;
import health.leiming.platform.PageRequest;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.Row;

/** 订单 → 导出 Excel: the order list with the screen's filters and order; the contact's phone masked as on screen. */
@WebServlet(urlPatterns = "/console/orders.xlsx")
public class OrdersExport extends XlsxExport<OrderService.OrderDetail> {

    private static final long serialVersionUID = 1L;

    @Inject
    AdminOrders orders;

    @Override
    String title() {
        return "订单";
    }

    @Override
    String[] headers() {
        return new String[] {"订单号", "服务", "预约时间", "陪诊员", "联系人", "联系电话", "金额（元）", "状态", "下单时间", "支付时间",
            "取消原因"};
    }

    @Override
    int[] widths() {
        return new int[] {24, 20, 16, 16, 16, 16, 16, 16, 16, 16, 20};
    }

    @Override
    Function<PageRequest, Page<OrderService.OrderDetail>> search(HttpServletRequest request) {
        AdminOrders.Filter filter = new AdminOrders.Filter(request.getParameter("status"),
                date(request.getParameter("date")), request.getParameter("serviceId"), null, request.getParameter("phone"),
                null, request.getParameter("orderNo"), request.getParameter("staffId"));
        AdminOrders.Sort sort = AdminOrders.Sort.parse(request.getParameter("sort"));
        return page -> orders.search(filter, sort, page);
    }

    @Override
    void write(Row row, OrderService.OrderDetail detail) {
        var order = detail.order();
        var appointment = detail.appointment();
        row.createCell(0).setCellValue(order.orderNo());
        row.createCell(1).setCellValue(order.service().name());
        row.createCell(2).setCellValue(time(appointment == null ? null : appointment.scheduledTime()));
        row.createCell(3).setCellValue(appointment == null || appointment.staff() == null ? ""
                : appointment.staff().name());
        row.createCell(4).setCellValue(order.contact().name());
        row.createCell(5).setCellValue(order.contact().phone()); // masked, as on screen
        row.createCell(6).setCellValue(order.amount().doubleValue());
        row.createCell(7).setCellValue(order.statusLabel());
        row.createCell(8).setCellValue(time(order.createdAt()));
        row.createCell(9).setCellValue(time(order.paidAt()));
        row.createCell(10).setCellValue(order.cancelReason() == null ? "" : order.cancelReason());
    }

    @Override
    String action() {
        return "CONSOLE GET /orders/export";
    }

    @Override
    String listPage() {
        return "/console/orders.xhtml";
    }
}
