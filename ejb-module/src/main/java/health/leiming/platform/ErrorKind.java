package health.leiming.platform;

/** What kind of failure a business rule reports; the web layer turns each into an HTTP status. */
public enum ErrorKind {
    BAD_REQUEST,
    UNAUTHENTICATED,
    FORBIDDEN,
    NOT_FOUND,
    CONFLICT,
    TOO_MANY_REQUESTS,
    UNAVAILABLE
}
