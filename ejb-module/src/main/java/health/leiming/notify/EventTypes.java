package health.leiming.notify;

/** Names of the business events that travel through the outbox. */
public final class EventTypes {

    public static final String MEMBER_REGISTERED = "member.registered";
    public static final String HEALTH_RISK_ALERT = "health.risk-alert";
    public static final String ORDER_PLACED = "order.placed";
    public static final String ORDER_PAID = "order.paid";
    public static final String ORDER_CONFIRMED = "order.confirmed";
    public static final String ORDER_STARTED = "order.started";
    public static final String ORDER_COMPLETED = "order.completed";
    public static final String ORDER_CANCELLED = "order.cancelled";
    public static final String ORDER_REFUNDED = "order.refunded";
    public static final String APPOINTMENT_REMINDER = "appointment.reminder";
    public static final String HEALTH_REPORT_READY = "health.report-ready";
    public static final String CHAT_MESSAGE = "chat.message";
    public static final String WECOM_CALLBACK = "wecom.callback";

    private EventTypes() {
    }
}
