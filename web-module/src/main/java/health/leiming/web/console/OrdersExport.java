package health.leiming.web.console;

import health.leiming.order.AdminOrders;
import health.leiming.order.OrderService;
import health.leiming.platform.AuditTrail;
import health.leiming.platform.BusinessException;
import health.leiming.platform.Page;
import health.leiming.platform.PageRequest;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * 导出 Excel: the order list with the filters of the screen (the same GET parameters) and the same
 * masking, as an .xlsx file written as it is read (at most MAX_ROWS rows; the file says so when
 * the search holds more). Each export is audited. ConsoleFilter guards it like every console page.
 */
@WebServlet(urlPatterns = "/console/orders.xlsx")
public class OrdersExport extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final int MAX_ROWS = 10_000;
    private static final int BATCH = 500;
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final String[] HEADERS = {"订单号", "服务", "预约时间", "陪诊员", "联系人", "联系电话", "金额（元）", "状态",
        "下单时间", "支付时间", "取消原因"};

    @Inject
    AdminOrders orders;

    @Inject
    AuditTrail audit;

    @Inject
    @ConfigProperty(name = "leiming.business-zone", defaultValue = "Asia/Shanghai")
    ZoneId zone;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ConsoleUser user = ConsoleSession.user(request.getSession(false));
        AdminOrders.Filter filter;
        try {
            String date = request.getParameter("date");
            filter = new AdminOrders.Filter(request.getParameter("status"),
                    date == null || date.isBlank() ? null : LocalDate.parse(date.strip()), null, null,
                    request.getParameter("phone"), null, request.getParameter("orderNo"));
            orders.search(filter, new PageRequest(1, 1)); // a refused filter fails here, before the file starts
        } catch (DateTimeParseException | BusinessException e) {
            ConsoleFilter.refuse(response, 400, e instanceof BusinessException b ? b.getMessage()
                    : "日期格式应为 年-月-日", "/console/orders.xhtml");
            return;
        }
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename=\"orders.xlsx\"; filename*=UTF-8''"
                + URLEncoder.encode("订单-" + LocalDate.now(zone) + ".xlsx", StandardCharsets.UTF_8));
        int rows = 0;
        long total;
        try (SXSSFWorkbook book = new SXSSFWorkbook(200)) {
            SXSSFSheet sheet = book.createSheet("订单");
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row head = sheet.createRow(0);
            for (int i = 0; i < HEADERS.length; i++) {
                head.createCell(i).setCellValue(HEADERS[i]);
                head.getCell(i).setCellStyle(bold);
                sheet.setColumnWidth(i, (i == 0 ? 24 : i == 1 || i == 10 ? 20 : 16) * 256);
            }
            sheet.createFreezePane(0, 1);
            int pageNo = 1;
            Page<OrderService.OrderDetail> page;
            do {
                page = orders.search(filter, new PageRequest(pageNo++, BATCH));
                for (OrderService.OrderDetail detail : page.items()) {
                    if (rows == MAX_ROWS) {
                        break;
                    }
                    write(sheet.createRow(++rows), detail);
                }
                total = page.total();
            } while (rows < MAX_ROWS && rows < total && !page.items().isEmpty());
            if (total > rows) {
                sheet.createRow(rows + 2).createCell(0).setCellValue("共 " + total + " 条，仅导出前 " + rows
                        + " 条；请缩小筛选范围后分批导出。");
            }
            book.write(response.getOutputStream());
        }
        int exported = rows;
        audit.queue(user.id(), user.role(), null, "CONSOLE GET /orders/export", null, AuditTrail.SUCCESS);
        log("Console export of " + exported + " order(s) by " + user.role() + " " + user.id());
    }

    private void write(Row row, OrderService.OrderDetail detail) {
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

    private String time(Instant instant) {
        return instant == null ? "" : MINUTES.format(instant.atZone(zone));
    }
}
