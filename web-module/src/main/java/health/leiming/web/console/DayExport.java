package health.leiming.web.console;

import health.leiming.care.Catalog;
import health.leiming.care.HospitalView;
import health.leiming.order.AdminOrders;
import health.leiming.order.OrderService;
import health.leiming.platform.Page;
import health.leiming.platform.PageRequest;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Row;

/**
 * 打印当日预约 → 导出 Excel: a day's appointments that hold their place, companion by companion (as the
 * printed day), with the hospital of each, so that a list per companion or per hospital is one sort
 * or filter away in Excel. The contact's phone masked as on screen.
 */
@WebServlet(urlPatterns = "/console/day.xlsx")
public class DayExport extends XlsxExport<DayExport.Line> {

    private static final long serialVersionUID = 1L;
    private static final int MAX = 2_000;

    @Inject
    AdminOrders orders;

    @Inject
    Catalog catalog;

    @Override
    String title() {
        return "当日预约";
    }

    @Override
    String[] headers() {
        return new String[] {"陪诊员", "预约时间", "时长（分钟）", "医院", "服务", "订单号", "联系人", "联系电话", "状态", "备注"};
    }

    @Override
    int[] widths() {
        return new int[] {12, 16, 10, 20, 18, 24, 12, 14, 10, 24};
    }

    @Override
    Function<PageRequest, Page<Line>> search(HttpServletRequest request) {
        LocalDate given = date(request.getParameter("date"));
        LocalDate day = given == null ? LocalDate.now(zone) : given;
        Map<String, String> hospitals = catalog.allHospitals().stream()
                .collect(Collectors.toMap(HospitalView::id, HospitalView::name));
        List<Line> all = orders.dayByCompanion(day, MAX).stream().map(o -> new Line(o,
                o.appointment().hospitalId() == null ? "" : hospitals.getOrDefault(o.appointment().hospitalId(), "")))
                .toList();
        return page -> new Page<>(page.page() == 1 ? all : List.of(), page.page(), all.size(), all.size());
    }

    /** An appointment of the day with its hospital's name. */
    record Line(OrderService.OrderDetail detail, String hospital) {
    }

    @Override
    void write(Row row, Line line) {
        OrderService.OrderDetail detail = line.detail();
        var order = detail.order();
        var appointment = detail.appointment();
        row.createCell(0).setCellValue(AdminOrders.companionName(detail));
        row.createCell(1).setCellValue(time(appointment.scheduledTime()));
        row.createCell(2).setCellValue(appointment.durationMinutes());
        row.createCell(3).setCellValue(line.hospital());
        row.createCell(4).setCellValue(order.service().name());
        row.createCell(5).setCellValue(order.orderNo());
        row.createCell(6).setCellValue(order.contact().name());
        row.createCell(7).setCellValue(order.contact().phone()); // masked, as on screen
        row.createCell(8).setCellValue(order.statusLabel());
        row.createCell(9).setCellValue(appointment.notes() == null ? "" : appointment.notes());
    }

    @Override
    String action() {
        return "CONSOLE GET /orders/day/export";
    }

    @Override
    String listPage() {
        return "/console/print.xhtml";
    }
}
