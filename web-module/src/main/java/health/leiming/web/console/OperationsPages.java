package health.leiming.web.console;

import health.leiming.batch.JobControl;
import health.leiming.notify.Deliveries;
import health.leiming.notify.Delivery;
import health.leiming.notify.DeliveryView;
import health.leiming.platform.AuditChain;
import health.leiming.platform.AuditEntry;
import health.leiming.platform.AuditTrail;
import health.leiming.platform.Page;
import health.leiming.platform.PageRequest;
import health.leiming.platform.Text;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * 运维 (admins only, under /console/admin/): batch jobs (start with their defaults, stop, restart,
 * history), notifications that failed for good (look, send again), and the audit log (by actor or
 * person, and the check of its hash chain). Each action is audited.
 */
@Named("ops")
@RequestScoped
public class OperationsPages {

    static final int SIZE = 30;
    /** The jobs an admin may start here, with their names on screen; each runs with its default parameters. */
    static final Map<String, String> JOBS = Map.of(JobControl.REPORT, "健康报告（上一个完整周）",
            JobControl.REMINDERS, "预约提醒", JobControl.RETENTION, "过期数据清理", JobControl.RECONCILIATION, "微信支付对账（昨天）",
            JobControl.HOSPITAL_IMPORT, "医院医生、出诊时间与检验结果同步");

    @Inject
    JobControl jobs;

    @Inject
    Deliveries deliveries;

    @Inject
    AuditTrail audit;

    @Inject
    AuditChain chain;

    @Inject
    Console console;

    private List<JobControl.ExecutionView> executions;
    private Page<DeliveryView> dead;
    private Page<AuditEntry.AuditView> entries;
    private AuditChain.Verification verification;
    private String actorId;
    private String personId;
    private int page = 1;

    public List<Map.Entry<String, String>> getJobs() {
        return JOBS.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList();
    }

    public List<JobControl.ExecutionView> getExecutions() {
        if (executions == null) {
            executions = jobs.executions(null, SIZE);
        }
        return executions;
    }

    public void startJob() {
        String job = Console.param("job");
        if (!JOBS.containsKey(job)) {
            Console.error(null, "未知的作业");
            return;
        }
        act("CONSOLE POST /jobs/" + job + "/start", null, () -> jobs.start(job, Map.of()).executionId(), "作业已启动，执行编号 ");
    }

    public void stopJob() {
        Long id = executionId();
        if (id == null) {
            return;
        }
        act("CONSOLE POST /jobs/executions/{id}/stop", String.valueOf(id), () -> jobs.stop(id).executionId(), "已请求停止执行 ");
    }

    public void restartJob() {
        Long id = executionId();
        if (id == null) {
            return;
        }
        act("CONSOLE POST /jobs/executions/{id}/restart", String.valueOf(id), () -> jobs.restart(id).executionId(),
                "已重新启动，新的执行编号 ");
    }

    public Page<DeliveryView> getDead() {
        if (dead == null) {
            dead = deliveries.list(Delivery.Status.dead, new PageRequest(Math.max(page, 1), SIZE));
        }
        return dead;
    }

    public void replay() {
        String id = Console.param("deliveryId");
        act("CONSOLE POST /notifications/{id}/replay", id, () -> deliveries.replay(id).id(), "已重新排队发送，通知编号 ");
    }

    public Page<AuditEntry.AuditView> getEntries() {
        if (entries == null) {
            entries = audit.query(Text.blankToNull(personId), Text.blankToNull(actorId), new PageRequest(Math.max(page, 1), SIZE));
        }
        return entries;
    }

    public void verify() {
        verification = chain.verify();
        ConsoleUser user = console.getUser();
        audit.queue(user.id(), user.role(), null, "CONSOLE POST /audit-log/verify", null, AuditTrail.SUCCESS);
    }

    public AuditChain.Verification getVerification() {
        return verification;
    }

    public String link(int toPage) {
        return Console.query("actorId", actorId, "personId", personId, "page", toPage > 1 ? String.valueOf(toPage) : null);
    }

    private void act(String action, String resourceId, Supplier<Object> work, String done) {
        ConsoleUser user = console.getUser();
        Object result = Actions.audited(audit, user.id(), user.role(), action, resourceId, null, work);
        if (result != null) {
            Console.info(done + result);
        }
        executions = null;
        dead = null;
    }

    private static Long executionId() {
        try {
            return Long.valueOf(Console.param("executionId"));
        } catch (NumberFormatException e) {
            Console.error(null, "执行编号不正确");
            return null;
        }
    }

    public String getActorId() {
        return actorId;
    }

    public void setActorId(String actorId) {
        this.actorId = actorId;
    }

    public String getPersonId() {
        return personId;
    }

    public void setPersonId(String personId) {
        this.personId = personId;
    }

    public int getPage() {
        return page;
    }

    public void setPage(int page) {
        this.page = page;
    }
}
