package health.leiming.web.console;

import health.leiming.health.HealthRecordService;
import health.leiming.health.RecordView;
import health.leiming.member.AdminMemberView;
import health.leiming.member.FamilyService;
import health.leiming.member.MemberAdmin;
import health.leiming.member.PersonView;
import health.leiming.order.AdminOrders;
import health.leiming.order.OrderService;
import health.leiming.platform.AuditTrail;
import health.leiming.platform.BusinessException;
import health.leiming.platform.ErrorKind;
import health.leiming.platform.Logs;
import health.leiming.platform.Masking;
import health.leiming.platform.PageRequest;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.logging.Logger;

/**
 * 会员详情: a member (masked), the people they look after (names masked, no ID card or phone), their
 * latest orders, and suspend / restore with a reason. A person's health data is shown only through
 * 查看健康数据 with a reason, which the audit entry keeps. Opening the page and each action are audited.
 */
@Named
@ViewScoped
public class MemberPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logs.get(MemberPage.class);

    @Inject
    transient MemberAdmin members;

    @Inject
    transient FamilyService family;

    @Inject
    transient AdminOrders orders;

    @Inject
    transient HealthRecordService records;

    @Inject
    transient AuditTrail audit;

    @Inject
    transient Console console;

    private String id;
    private AdminMemberView member;
    private List<Person> persons = List.of();
    private List<OrderService.OrderDetail> recentOrders = List.of();
    private String reason;
    private String viewPersonId;
    private String viewReason;
    private List<RecordView> readings;
    private String readingsOf;

    public void load() {
        if (member != null) {
            return;
        }
        ConsoleUser user = console.getUser();
        try {
            member = members.get(id);
            refresh();
            audit.queue(user.id(), user.role(), null, "CONSOLE GET /members/{id}", id, AuditTrail.SUCCESS);
        } catch (BusinessException e) {
            audit.queue(user.id(), user.role(), null, "CONSOLE GET /members/{id}", null, AuditTrail.DENIED);
        }
    }

    private void refresh() {
        persons = family.list(member.id()).stream().map(p -> new Person(p.id(), p.relation(),
                p.name() == null ? "" : Masking.name(p.name()), p.gender(),
                p.birthDate() == null ? "" : String.valueOf(p.birthDate().getYear()), p.self())).toList();
        recentOrders = orders.search(new AdminOrders.Filter(null, null, null, null, null, member.id()),
                new PageRequest(1, 20)).items();
    }

    public void suspend() {
        change(true);
    }

    public void restore() {
        change(false);
    }

    private void change(boolean suspend) {
        ConsoleUser user = console.getUser();
        AdminMemberView changed = Actions.audited(audit, user.id(), user.role(),
                "CONSOLE POST /members/{id}/" + (suspend ? "suspend" : "reactivate"), member.id(), "status:reason",
                () -> suspend ? members.suspend(user.id(), member.id()) : members.reactivate(user.id(), member.id()));
        if (changed == null) {
            return;
        }
        member = changed;
        String why = reason.strip();
        LOG.info(() -> user.role() + " " + user.id() + (suspend ? " suspended" : " restored") + " member " + member.id()
                + ", reason: " + why);
        reason = null;
        Console.info(suspend ? "已停用该会员，其登录已全部失效" : "已恢复该会员");
    }

    /** 查看健康数据: the chosen person's latest 50 readings, once the operator said why (audited with the reason). */
    public void viewHealth() {
        ConsoleUser user = console.getUser();
        try {
            readings = records.forOperator(user.id(), user.role(), member.id(), viewPersonId, viewReason, 50);
            readingsOf = persons.stream().filter(p -> p.id().equals(viewPersonId)).map(Person::name).findFirst().orElse("");
            viewReason = null;
        } catch (BusinessException e) {
            readings = null;
            audit.queue(user.id(), user.role(), null, "CONSOLE VIEW health.records", viewPersonId,
                    e.kind() == ErrorKind.NOT_FOUND ? AuditTrail.DENIED : AuditTrail.REJECTED);
            Console.error("health:reason", e.getMessage());
        }
    }

    public boolean isFound() {
        return member != null;
    }

    public boolean isSuspended() {
        return member != null && "suspended".equals(member.status());
    }

    public AdminMemberView getMember() {
        return member;
    }

    public List<Person> getPersons() {
        return persons;
    }

    public List<OrderService.OrderDetail> getRecentOrders() {
        return recentOrders;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getViewPersonId() {
        return viewPersonId;
    }

    public void setViewPersonId(String viewPersonId) {
        this.viewPersonId = viewPersonId;
    }

    public String getViewReason() {
        return viewReason;
    }

    public void setViewReason(String viewReason) {
        this.viewReason = viewReason;
    }

    /** The readings shown after 查看健康数据, or null before. */
    public List<RecordView> getReadings() {
        return readings;
    }

    /** Whose readings are shown (the masked name). */
    public String getReadingsOf() {
        return readingsOf;
    }

    /** A person as the console shows them: no ID card, no phone, the name masked. */
    public record Person(String id, String relation, String name, String gender, String birthYear, boolean self) {
    }
}
