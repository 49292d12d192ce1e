package health.leiming.notify;

/** Names of the business events that travel through the outbox. */
public final class EventTypes {

    public static final String MEMBER_REGISTERED = "member.registered";
    public static final String HEALTH_RISK_ALERT = "health.risk-alert";

    private EventTypes() {
    }
}
