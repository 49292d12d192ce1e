package health.leiming.web.console;

import health.leiming.member.AdminMemberView;
import health.leiming.member.MemberAdmin;
import health.leiming.platform.BusinessException;
import health.leiming.platform.PageRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** 会员: members by full phone number or part of the name, and by status; phones and names masked. */
@Named
@RequestScoped
public class MembersPage extends ListPage<AdminMemberView> {

    @Inject
    MemberAdmin members;

    private String q;
    private String status;

    public void search() {
        try {
            shown(members.search(q, status, null, new PageRequest(pageAsked(), SIZE)));
        } catch (BusinessException e) {
            refused(e.getMessage());
        }
    }

    public String link(int toPage) {
        return Console.query("q", q, "status", status, "page", toPage > 1 ? String.valueOf(toPage) : null);
    }

    /** The export's query: the same search. */
    public String getExportQuery() {
        return Console.query("q", q, "status", status);
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
}
