package health.leiming.web.console;

import health.leiming.order.Reviews;
import health.leiming.platform.BusinessException;
import health.leiming.platform.ErrorKind;
import health.leiming.platform.Page;
import health.leiming.platform.PageRequest;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.Row;

/** 评价 → 导出 Excel: the reviews with the screen's filters; no member data, as on screen. */
@WebServlet(urlPatterns = "/console/reviews.xlsx")
public class ReviewsExport extends XlsxExport<Reviews.OperatorReview> {

    private static final long serialVersionUID = 1L;

    @Inject
    Reviews reviews;

    @Override
    String title() {
        return "评价";
    }

    @Override
    String[] headers() {
        return new String[] {"评价时间", "订单号", "服务", "陪诊员", "评分", "标签", "内容"};
    }

    @Override
    int[] widths() {
        return new int[] {16, 24, 18, 12, 6, 20, 60};
    }

    @Override
    Function<PageRequest, Page<Reviews.OperatorReview>> search(HttpServletRequest request) {
        String serviceId = request.getParameter("serviceId");
        String rating = request.getParameter("maxRating");
        Integer maxRating;
        try {
            maxRating = rating == null || rating.isBlank() ? null : Integer.valueOf(rating.strip());
        } catch (NumberFormatException e) {
            throw new BusinessException(ErrorKind.BAD_REQUEST, "RATING_INVALID", "评分应为1到5");
        }
        return page -> reviews.forOperators(serviceId, null, maxRating, page);
    }

    @Override
    void write(Row row, Reviews.OperatorReview item) {
        row.createCell(0).setCellValue(time(item.review().createdAt()));
        row.createCell(1).setCellValue(item.orderNo());
        row.createCell(2).setCellValue(item.serviceName());
        row.createCell(3).setCellValue(item.staffName() == null ? "" : item.staffName());
        row.createCell(4).setCellValue(item.review().rating());
        row.createCell(5).setCellValue(String.join("、", item.review().tags()));
        row.createCell(6).setCellValue(item.review().content() == null ? "" : item.review().content());
    }

    @Override
    String action() {
        return "CONSOLE GET /reviews/export";
    }

    @Override
    String listPage() {
        return "/console/reviews.xhtml";
    }
}
