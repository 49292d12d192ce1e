package health.leiming.web.platform;

import health.leiming.platform.BusinessException;
import health.leiming.platform.Logs;
import jakarta.ejb.EJBException;
import jakarta.json.bind.JsonbException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Everything else. Exceptions escaping an EJB arrive wrapped in EJBException: unwrap and answer as the
 * cause would. Unreadable JSON is a 400. Anything unexpected is a 500 without details for the client;
 * the stack trace goes to the log under the request id.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logs.get(UnexpectedExceptionMapper.class);

    @Override
    public Response toResponse(Throwable e) {
        Throwable cause = unwrap(e);
        if (cause instanceof BusinessException business) {
            return Errors.of(business);
        }
        if (cause instanceof ConstraintViolationException violations) {
            return new ValidationExceptionMapper().toResponse(violations);
        }
        if (cause instanceof WebApplicationException web) {
            return new WebApplicationExceptionMapper().toResponse(web);
        }
        if (cause instanceof JsonbException || cause instanceof ProcessingException) {
            return Errors.unreadable(cause);
        }
        LOG.log(Level.SEVERE, "Unexpected error", e);
        return Errors.of(500, "INTERNAL_ERROR", "服务器开小差了，请稍后再试", null);
    }

    private static Throwable unwrap(Throwable e) {
        Throwable current = e;
        while (current instanceof EJBException && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
