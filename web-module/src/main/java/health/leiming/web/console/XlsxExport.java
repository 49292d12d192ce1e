package health.leiming.web.console;

import health.leiming.platform.AuditTrail;
import health.leiming.platform.BusinessException;
import health.leiming.platform.Page;
import health.leiming.platform.PageRequest;
import jakarta.inject.Inject;
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
import java.util.function.Function;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * 导出 Excel, the shape every export of a console list shares: the list's own filters (the screen's GET
 * parameters) and masking, checked before the file starts (a refused filter is a 400 page); an .xlsx
 * written as it is read, page by page, at most MAX_ROWS rows (the file says so when the search holds
 * more); each export audited. ConsoleFilter guards the exports like every console page.
 */
abstract class XlsxExport<T> extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final int MAX_ROWS = 10_000;
    private static final int BATCH = 500;
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Inject
    AuditTrail audit;

    @Inject
    @ConfigProperty(name = "leiming.business-zone", defaultValue = "Asia/Shanghai")
    ZoneId zone;

    /** What the file is called (in Chinese; the day is added) and its sheet's name. */
    abstract String title();

    /** The columns' headings, and each column's width in characters. */
    abstract String[] headers();

    abstract int[] widths();

    /** The search the screen's parameters ask for, one page at a time; throws for a refused filter. */
    abstract Function<PageRequest, Page<T>> search(HttpServletRequest request);

    abstract void write(Row row, T item);

    /** The audit entry's action, for example "CONSOLE GET /orders/export". */
    abstract String action();

    /** The list page to go back to when the filter is refused. */
    abstract String listPage();

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ConsoleUser user = ConsoleSession.user(request.getSession(false));
        Function<PageRequest, Page<T>> search;
        try {
            search = search(request);
            search.apply(new PageRequest(1, 1)); // a refused filter fails here, before the file starts
        } catch (DateTimeParseException | BusinessException e) {
            ConsoleFilter.refuse(response, 400, e instanceof BusinessException b ? b.getMessage()
                    : "日期格式应为 年-月-日", listPage());
            return;
        }
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename=\"export.xlsx\"; filename*=UTF-8''"
                + URLEncoder.encode(title() + "-" + LocalDate.now(zone) + ".xlsx", StandardCharsets.UTF_8));
        int rows = 0;
        try (SXSSFWorkbook book = new SXSSFWorkbook(200)) {
            SXSSFSheet sheet = book.createSheet(title());
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row head = sheet.createRow(0);
            String[] headers = headers();
            for (int i = 0; i < headers.length; i++) {
                head.createCell(i).setCellValue(headers[i]);
                head.getCell(i).setCellStyle(bold);
                sheet.setColumnWidth(i, widths()[i] * 256);
            }
            sheet.createFreezePane(0, 1);
            int pageNo = 1;
            long total;
            Page<T> page;
            do {
                page = search.apply(new PageRequest(pageNo++, BATCH));
                for (T item : page.items()) {
                    if (rows == MAX_ROWS) {
                        break;
                    }
                    write(sheet.createRow(++rows), item);
                }
                total = page.total();
            } while (rows < MAX_ROWS && rows < total && !page.items().isEmpty());
            if (total > rows) {
                sheet.createRow(rows + 2).createCell(0).setCellValue("共 " + total + " 条，仅导出前 " + rows
                        + " 条；请缩小筛选范围后分批导出。");
            }
            book.write(response.getOutputStream());
        }
        audit.queue(user.id(), user.role(), null, action(), null, AuditTrail.SUCCESS);
        int exported = rows;
        log("Console export (" + action() + ") of " + exported + " row(s) by " + user.role() + " " + user.id());
    }

    /** A time as the screens show it, in the business zone; "" for none. */
    String time(Instant instant) {
        return instant == null ? "" : MINUTES.format(instant.atZone(zone));
    }

    static LocalDate date(String text) {
        return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
    }
}
