package health.leiming.web.console;

import health.leiming.member.AdminMemberView;
import health.leiming.member.MemberAdmin;
import health.leiming.platform.BusinessException;
import health.leiming.platform.Page;
import health.leiming.platform.PageRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** 会员: members by full phone number or part of the name, and by status; phones and names masked. */
@Named
@RequestScoped
public class MembersPage {

    static final int SIZE = 20;

    @Inject
    MemberAdmin members;

    private String q;
    private String status;
    private int page = 1;
    private Page<AdminMemberView> result;
    private String error;

    public void search() {
        try {
            result = members.search(q, status, null, new PageRequest(Math.max(page, 1), SIZE));
        } catch (BusinessException e) {
            error = e.getMessage();
        }
    }

    public List<AdminMemberView> getItems() {
        return result == null ? List.of() : result.items();
    }

    public long getTotal() {
        return result == null ? 0 : result.total();
    }

    public int getPages() {
        return result == null ? 1 : (int) Math.max(1, (result.total() + SIZE - 1) / SIZE);
    }

    public String link(int toPage) {
        return Console.query("q", q, "status", status, "page", toPage > 1 ? String.valueOf(toPage) : null);
    }

    public String getError() {
        return error;
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public int getPage() {
        return page;
    }

    public void setPage(int page) {
        this.page = page;
    }
}
