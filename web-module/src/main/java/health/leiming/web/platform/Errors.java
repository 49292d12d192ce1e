package health.leiming.web.platform;

import health.leiming.platform.BusinessException;
import health.leiming.platform.ErrorKind;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Builds the error envelope responses, so that every mapper answers the same way. */
final class Errors {

    private Errors() {
    }

    static Response of(int status, String code, String message, Object details) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .entity(ApiResponse.error(status, code, message, details))
                .build();
    }

    static Response of(BusinessException e) {
        int status = status(e.kind());
        Response.ResponseBuilder builder = Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .entity(ApiResponse.error(status, e.code(), e.getMessage(), null));
        if (e.retryAfterSeconds() != null) {
            builder.header("Retry-After", e.retryAfterSeconds());
        }
        if (e.kind() == ErrorKind.UNAUTHENTICATED) {
            builder.header("WWW-Authenticate", "Bearer");
        }
        return builder.build();
    }

    static int status(ErrorKind kind) {
        return switch (kind) {
            case BAD_REQUEST -> 400;
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case TOO_MANY_REQUESTS -> 429;
            case UNAVAILABLE -> 503;
        };
    }
}
