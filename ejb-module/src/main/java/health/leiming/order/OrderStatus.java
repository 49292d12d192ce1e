package health.leiming.order;

import health.leiming.platform.BusinessException;
import health.leiming.platform.ErrorKind;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The life of an order (seed 3.3): pending -> paid -> confirmed -> in_progress -> completed ->
 * refunded; pending, paid or confirmed -> cancelled. Nothing else: cancelled and refunded are final,
 * and a service that has started can no longer be cancelled.
 */
public enum OrderStatus {
    pending("待支付"),
    paid("已支付"),
    confirmed("已确认"),
    in_progress("服务中"),
    completed("已完成"),
    cancelled("已取消"),
    refunded("已退款");

    private final String label;

    OrderStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The states this one may move to. */
    public Set<OrderStatus> next() {
        return switch (this) {
            case pending -> EnumSet.of(paid, cancelled);
            case paid -> EnumSet.of(confirmed, cancelled);
            case confirmed -> EnumSet.of(in_progress, cancelled);
            case in_progress -> EnumSet.of(completed);
            case completed -> EnumSet.of(refunded);
            case cancelled, refunded -> EnumSet.noneOf(OrderStatus.class);
        };
    }

    public boolean canMoveTo(OrderStatus target) {
        return next().contains(target);
    }

    /** Holds a slot: the place stays taken until the order is cancelled. */
    public boolean holdsSlot() {
        return this != cancelled;
    }

    public static OrderStatus parse(String value) {
        try {
            return valueOf(value.trim().toLowerCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new BusinessException(ErrorKind.BAD_REQUEST, "STATUS_INVALID", "未知的订单状态：" + value);
        }
    }
}
