package health.leiming.platform;

/** What kind of failure a business rule reports; the web layer turns each into an HTTP status. */
public enum ErrorKind {
    BAD_REQUEST,
    UNAUTHENTICATED,
    FORBIDDEN,
    NOT_FOUND,
    CONFLICT,
    /** Was there and is no longer (an expired download). */
    GONE,
    TOO_MANY_REQUESTS,
    UNAVAILABLE
}
