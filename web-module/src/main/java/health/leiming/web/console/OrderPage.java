package health.leiming.web.console;

import health.leiming.care.SlotsView;
import health.leiming.care.StaffView;
import health.leiming.order.Actor;
import health.leiming.order.AdminOrders;
import health.leiming.order.OrderService;
import health.leiming.order.StaffTasks;
import health.leiming.platform.AuditTrail;
import health.leiming.platform.BusinessException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * 订单详情: one order with its appointment, history, payment and refund, and the operator's actions
 * (change the companion, move to another free slot, check in with the member's code, cancel with a
 * refund), each with a reason where the member is affected, and audited. Opening the page is
 * audited as a read of the order.
 */
@Named
@ViewScoped
public class OrderPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient AdminOrders orders;

    @Inject
    transient StaffTasks tasks;

    @Inject
    transient AuditTrail audit;

    @Inject
    transient Console console;

    private String id;
    private OrderService.OrderDetail detail;
    private List<StaffView.Public> replacements = List.of();

    private String staffId;
    private String reassignReason;

    private LocalDate rescheduleDate;
    private List<SlotsView.Slot> openSlots;
    private String slot;
    private String rescheduleReason;

    private String checkInCode;

    private String cancelReason;
    private BigDecimal refundAmount;

    /** f:viewAction: loads the order named by the id parameter, once per view. */
    public void load() {
        if (detail != null) {
            return;
        }
        ConsoleUser user = console.getUser();
        try {
            detail = orders.get(id);
            replacements = orders.replacementsFor(id);
            audit.queue(user.id(), user.role(), null, "CONSOLE GET /orders/{id}", id, AuditTrail.SUCCESS);
        } catch (BusinessException e) {
            audit.queue(user.id(), user.role(), null, "CONSOLE GET /orders/{id}", null, AuditTrail.DENIED);
        }
    }

    public void reassign() {
        act("reassign:staff", "CONSOLE POST /orders/{id}/reassign",
                operator -> orders.reassign(operator, id, staffId, reassignReason), () -> "已更换陪诊员，会员和陪诊员将收到通知");
        reassignReason = null;
    }

    /** Shows the open slots of the day chosen for the move (the first form of 改期). */
    public void showSlots() {
        try {
            openSlots = orders.slotsFor(id, rescheduleDate).slots().stream().filter(SlotsView.Slot::available).toList();
        } catch (BusinessException e) {
            openSlots = null;
            Console.error("slots:date", e.getMessage());
        }
    }

    public void reschedule() {
        Instant start;
        try {
            start = slot == null || slot.isBlank() ? null : Instant.parse(slot);
        } catch (DateTimeParseException e) {
            start = null;
        }
        Instant chosen = start;
        act("reschedule:slot", "CONSOLE POST /orders/{id}/reschedule",
                operator -> orders.reschedule(operator, id, chosen, rescheduleReason),
                () -> "已改期到 " + console.time(chosen) + "，会员和陪诊员将收到通知");
        if (chosen != null && detail.appointment().scheduledTime().equals(chosen)) {
            rescheduleReason = null;
            openSlots = null;
            slot = null;
        }
    }

    /** 核销: the member's code, read out to the operator, starts the service when the companion cannot. */
    public void checkIn() {
        act("checkin:code", "CONSOLE POST /orders/{id}/check-in", operator -> {
            tasks.checkInFor(operator, id, checkInCode);
            return orders.get(id);
        }, () -> "核销成功，服务已开始");
        checkInCode = null;
    }

    public void cancel() {
        act("cancel:amount", "CONSOLE POST /orders/{id}/cancel",
                operator -> orders.cancel(operator, id, cancelReason, refundAmount), () -> "订单已取消"
                        + (detail.order().refundAmount() == null || detail.order().refundAmount().signum() == 0 ? ""
                                : "，退款 " + console.money(detail.order().refundAmount()) + " 已提交微信支付"));
    }

    private void act(String field, String action, java.util.function.Function<Actor, OrderService.OrderDetail> work,
            java.util.function.Supplier<String> done) {
        ConsoleUser user = console.getUser();
        OrderService.OrderDetail changed = Actions.audited(audit, user.id(), user.role(), action, id, field,
                () -> work.apply(Actor.console(user.id(), user.role())));
        if (changed != null) {
            detail = changed;
            replacements = orders.replacementsFor(id);
            Console.info(done.get());
        }
    }

    public boolean isFound() {
        return detail != null;
    }

    public boolean isReassignable() {
        return detail != null && ("paid".equals(detail.order().status()) || "confirmed".equals(detail.order().status()));
    }

    public boolean isReschedulable() {
        return isReassignable();
    }

    public boolean isCheckInPossible() {
        return isReassignable();
    }

    public boolean isCancellable() {
        return detail != null && List.of("pending", "paid", "confirmed").contains(detail.order().status());
    }

    public OrderService.OrderDetail getDetail() {
        return detail;
    }

    public List<StaffView.Public> getReplacements() {
        return replacements;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getStaffId() {
        return staffId;
    }

    public void setStaffId(String staffId) {
        this.staffId = staffId;
    }

    public String getReassignReason() {
        return reassignReason;
    }

    public void setReassignReason(String reassignReason) {
        this.reassignReason = reassignReason;
    }

    public LocalDate getRescheduleDate() {
        return rescheduleDate;
    }

    public void setRescheduleDate(LocalDate rescheduleDate) {
        this.rescheduleDate = rescheduleDate;
    }

    /** The open slots of the chosen day, or null before a day is chosen. */
    public List<SlotsView.Slot> getOpenSlots() {
        return openSlots;
    }

    public String getSlot() {
        return slot;
    }

    public void setSlot(String slot) {
        this.slot = slot;
    }

    public String getRescheduleReason() {
        return rescheduleReason;
    }

    public void setRescheduleReason(String rescheduleReason) {
        this.rescheduleReason = rescheduleReason;
    }

    public String getCheckInCode() {
        return checkInCode;
    }

    public void setCheckInCode(String checkInCode) {
        this.checkInCode = checkInCode;
    }

    public String getCancelReason() {
        return cancelReason;
    }

    public void setCancelReason(String cancelReason) {
        this.cancelReason = cancelReason;
    }

    public BigDecimal getRefundAmount() {
        return refundAmount;
    }

    public void setRefundAmount(BigDecimal refundAmount) {
        this.refundAmount = refundAmount;
    }
}
