package health.leiming.web.console;

import health.leiming.member.AdminMemberView;
import health.leiming.member.MemberAdmin;
import health.leiming.platform.Page;
import health.leiming.platform.PageRequest;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.Row;

/** 会员 → 导出 Excel: the member list with the screen's search; phone and name masked as on screen. */
@WebServlet(urlPatterns = "/console/members.xlsx")
public class MembersExport extends XlsxExport<AdminMemberView> {

    private static final long serialVersionUID = 1L;

    @Inject
    MemberAdmin members;

    @Override
    String title() {
        return "会员";
    }

    @Override
    String[] headers() {
        return new String[] {"手机号", "姓名", "会员等级", "状态", "注册时间"};
    }

    @Override
    int[] widths() {
        return new int[] {16, 12, 12, 10, 18};
    }

    @Override
    Function<PageRequest, Page<AdminMemberView>> search(HttpServletRequest request) {
        String q = request.getParameter("q");
        String status = request.getParameter("status");
        return page -> members.search(q, status, null, page);
    }

    @Override
    void write(Row row, AdminMemberView member) {
        row.createCell(0).setCellValue(member.phone()); // masked, as on screen
        row.createCell(1).setCellValue(member.name() == null ? "" : member.name());
        row.createCell(2).setCellValue(member.membershipLevel() == null ? "" : member.membershipLevel());
        row.createCell(3).setCellValue("suspended".equals(member.status()) ? "已停用" : "正常");
        row.createCell(4).setCellValue(time(member.createdAt()));
    }

    @Override
    String action() {
        return "CONSOLE GET /members/export";
    }

    @Override
    String listPage() {
        return "/console/members.xhtml";
    }
}
