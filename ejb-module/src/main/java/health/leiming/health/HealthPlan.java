package health.leiming.health;

import health.leiming.platform.BusinessException;
import health.leiming.platform.ErrorKind;
import health.leiming.platform.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A health plan of a person: a daily goal, active, paused or ended. */
@Entity
@Table(name = "health_plans")
public class HealthPlan {

    public enum Status {
        active, paused, ended
    }

    @Id
    private String id;

    @Column(name = "person_id", nullable = false)
    private String personId;

    @Column(nullable = false)
    private String title;

    @Enumerated(EnumType.STRING)
    @Column(name = "goal_kind", nullable = false)
    private PlanGoal.Kind kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "data_type", nullable = false)
    private MeasurementType type;

    @Column(nullable = false, precision = 10, scale = 2)
    private BigDecimal target;

    @Enumerated(EnumType.STRING)
    @Column(name = "glucose_context")
    private GlucoseContext context;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "start_date", nullable = false)
    private LocalDate startDate;

    @Column(name = "end_date")
    private LocalDate endDate;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected HealthPlan() {
    }

    HealthPlan(String personId, String title, PlanGoal goal, LocalDate startDate, Instant now) {
        this.id = Ids.newId();
        this.personId = personId;
        this.title = title;
        this.kind = goal.kind();
        this.type = goal.type();
        this.target = goal.target();
        this.context = goal.context();
        this.status = Status.active;
        this.startDate = startDate;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void pause(Instant now) {
        move(Status.active, Status.paused, now);
    }

    void resume(Instant now) {
        move(Status.paused, Status.active, now);
    }

    void end(LocalDate today, Instant now) {
        if (status == Status.ended) {
            throw new BusinessException(ErrorKind.CONFLICT, "PLAN_ENDED", "计划已结束");
        }
        status = Status.ended;
        endDate = today;
        updatedAt = now;
    }

    private void move(Status from, Status to, Instant now) {
        if (status != from) {
            throw new BusinessException(ErrorKind.CONFLICT, "PLAN_STATE", "计划当前为" + status + "，不能执行此操作");
        }
        status = to;
        updatedAt = now;
    }

    public PlanGoal goal() {
        return new PlanGoal(kind, type, target, context);
    }

    /** The days adherence is measured over: from the start to the end (or today). */
    LocalDate lastDay(LocalDate today) {
        return endDate != null && endDate.isBefore(today) ? endDate : today;
    }

    PlanView view(PlanView.Adherence adherence) {
        return new PlanView(id, personId, title, kind.name(), type.name(), target,
                context == null ? null : context.name(), status.name(), startDate, endDate, adherence);
    }

    public String personId() {
        return personId;
    }

    LocalDate startDate() {
        return startDate;
    }

    MeasurementType type() {
        return type;
    }
}
