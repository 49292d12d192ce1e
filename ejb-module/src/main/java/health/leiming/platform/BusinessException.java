package health.leiming.platform;

import jakarta.ejb.ApplicationException;

/**
 * A business rule refused the request. Carries a stable machine-readable code and a message for
 * people (Chinese). Rolls the transaction back: nothing half-written stays behind.
 */
@ApplicationException(rollback = true)
public class BusinessException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorKind kind;
    private final String code;
    private final Long retryAfterSeconds;

    public BusinessException(ErrorKind kind, String code, String message) {
        this(kind, code, message, null);
    }

    public BusinessException(ErrorKind kind, String code, String message, Long retryAfterSeconds) {
        super(message);
        this.kind = kind;
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public ErrorKind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    /** Seconds after which a refused request may be tried again (for 429), or null. */
    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public static BusinessException notFound(String what) {
        return new BusinessException(ErrorKind.NOT_FOUND, "NOT_FOUND", what + "不存在");
    }
}
