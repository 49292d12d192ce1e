package health.leiming.integration;

/**
 * An outside service (WeChat, WeCom, the SMS gateway) refused a request for a reason that asking
 * again will not change: an unknown recipient, a missing subscription, a bad template. Anything else
 * that goes wrong calling out is worth another try later.
 */
public class OutsideRefusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public OutsideRefusal(String message) {
        super(message);
    }
}
