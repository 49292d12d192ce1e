package health.leiming.platform;

/**
 * The request (HTTP request or consumed message) the current thread works on: its id, so that every
 * log line and every outbox event can name it, and for HTTP the client's address (as the trusted
 * proxies report it), for the caps that count per client. Set and cleared by the edge that starts the work.
 */
public final class RequestContext {

    private record Current(String requestId, String clientAddress) {
    }

    private static final ThreadLocal<Current> CURRENT = new ThreadLocal<>();

    private RequestContext() {
    }

    public static void begin(String requestId) {
        begin(requestId, null);
    }

    public static void begin(String requestId, String clientAddress) {
        CURRENT.set(new Current(requestId, clientAddress));
    }

    public static void end() {
        CURRENT.remove();
    }

    /** The current request id, or null outside a request. */
    public static String requestId() {
        Current current = CURRENT.get();
        return current == null ? null : current.requestId();
    }

    /** The client's address, or null outside an HTTP request. */
    public static String clientAddress() {
        Current current = CURRENT.get();
        return current == null ? null : current.clientAddress();
    }

    /** The client's address cut to fit a column of 45 characters (an IPv6 address with its zone), for records. */
    public static String clientAddressToStore() {
        String client = clientAddress();
        return client == null || client.length() <= 45 ? client : client.substring(0, 45);
    }
}
