package health.leiming.platform;

/**
 * The id of the request (HTTP request or consumed message) the current thread works on, so that
 * every log line and every outbox event can name it. Set and cleared by the edge that starts the work.
 */
public final class RequestContext {

    private static final ThreadLocal<String> REQUEST_ID = new ThreadLocal<>();

    private RequestContext() {
    }

    public static void begin(String requestId) {
        REQUEST_ID.set(requestId);
    }

    public static void end() {
        REQUEST_ID.remove();
    }

    /** The current request id, or null outside a request. */
    public static String requestId() {
        return REQUEST_ID.get();
    }
}
