package health.leiming.web.console;

import health.leiming.care.Catalog;
import health.leiming.order.StaffTasks;
import health.leiming.platform.AuditTrail;
import health.leiming.platform.Masking;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The companion's tasks, today and the week ahead, and what they do with them: accept, check in with
 * the member's code, complete. The same StaffTasks the API and the WeCom replies use; each step is
 * audited with the companion as actor.
 */
@Named
@RequestScoped
public class StaffPage {

    static final int DAYS_AHEAD = 7;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("M月d日");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    @Inject
    StaffTasks tasks;

    @Inject
    Catalog catalog;

    @Inject
    AuditTrail audit;

    @Inject
    @ConfigProperty(name = "leiming.business-zone", defaultValue = "Asia/Shanghai")
    ZoneId zone;

    private StaffUser staff;
    private final Map<String, String> hospitals = new ConcurrentHashMap<>();
    private List<Day> days;

    @PostConstruct
    void who() {
        staff = ConsoleSession.staff(((HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext()
                .getRequest()).getSession(false));
    }

    public StaffUser getStaff() {
        return staff;
    }

    /** Today and the next days that have tasks. */
    public List<Day> getDays() {
        if (days == null) {
            LocalDate today = LocalDate.now(zone);
            days = new ArrayList<>();
            for (int i = 0; i <= DAYS_AHEAD; i++) {
                LocalDate day = today.plusDays(i);
                List<Card> cards = tasks.tasks(staff.staffId(), day).stream().map(this::card).toList();
                if (i == 0 || !cards.isEmpty()) {
                    days.add(new Day((i == 0 ? "今天 " : i == 1 ? "明天 " : "") + DAY.format(day), cards));
                }
            }
        }
        return days;
    }

    private Card card(StaffTasks.Task task) {
        String hospital = task.hospitalId() == null ? null
                : hospitals.computeIfAbsent(task.hospitalId(),
                        id -> java.util.Objects.requireNonNullElse(catalog.hospitalName(id), ""));
        String phone = task.contact() == null ? null : task.contact().phone();
        return new Card(task, TIME.format(task.scheduledTime().atZone(zone)), hospital,
                phone == null ? null : Masking.phone(phone), phone == null ? null : "tel:" + phone.replaceAll("[^0-9+]", ""));
    }

    public void confirm() {
        act("STAFF POST /staff/tasks/{id}/confirm", orderId -> tasks.confirm(staff.staffId(), orderId), "已接单");
    }

    public void start() {
        String code = Console.param("code");
        act("STAFF POST /staff/tasks/{id}/start", orderId -> tasks.start(staff.staffId(), orderId,
                code == null ? "" : code.strip()), "签到成功，服务开始");
    }

    public void complete() {
        act("STAFF POST /staff/tasks/{id}/complete", orderId -> tasks.complete(staff.staffId(), orderId), "服务已完成");
    }

    private void act(String action, java.util.function.Function<String, StaffTasks.Task> work, String done) {
        String orderId = Console.param("orderId");
        StaffTasks.Task task = Actions.audited(audit, staff.staffId(), "staff", action, orderId, null,
                () -> work.apply(orderId));
        if (task != null) {
            Console.info("订单" + task.orderNo() + "：" + done);
        }
        days = null;
    }

    /** A day's heading and its tasks. */
    public record Day(String label, List<Card> tasks) {
    }

    /** A task as the page shows it: the time, the hospital's name, the phone masked and as a call link. */
    public record Card(StaffTasks.Task task, String time, String hospital, String maskedPhone, String callLink) {
    }
}
