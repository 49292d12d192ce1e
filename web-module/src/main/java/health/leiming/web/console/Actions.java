package health.leiming.web.console;

import health.leiming.platform.AuditTrail;
import health.leiming.platform.BusinessException;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A change made from a page: run it, write its audit entry (in its own transaction when it
 * succeeded; queued when it was refused, as the API does), and show a refusal next to its field.
 */
final class Actions {

    private Actions() {
    }

    /** The change's result, or null when it was refused (the reason is then on the page). */
    static <T> T audited(AuditTrail audit, String actorId, String role, String action, String resourceId,
            String field, Supplier<T> work) {
        return auditedAt(audit, actorId, role, action, resourceId, refusal -> field, work);
    }

    /** As above, the refusal shown next to the field its error code names (null: at the top of the page). */
    static <T> T auditedAt(AuditTrail audit, String actorId, String role, String action, String resourceId,
            Function<BusinessException, String> field, Supplier<T> work) {
        String shortAction = action.length() <= 60 ? action : action.substring(0, 60);
        try {
            T result = work.get();
            audit.record(actorId, role, null, shortAction, resourceId, AuditTrail.SUCCESS);
            return result;
        } catch (BusinessException e) {
            audit.queue(actorId, role, null, shortAction, resourceId, AuditTrail.REJECTED);
            Console.error(field.apply(e), e.getMessage());
            return null;
        }
    }

    /**
     * A form's request checked by the admin API's own Bean Validation rules: each violation is shown
     * next to its field ({@code form:property}). True when there was none.
     */
    static <R> boolean valid(Validator validator, String form, R request) {
        Set<ConstraintViolation<R>> violations = validator.validate(request);
        violations.forEach(v -> Console.error(form + ":" + v.getPropertyPath(), v.getMessage()));
        return violations.isEmpty();
    }

    /**
     * On the page a change redirected to with {@code done=...} in its query (see {@link #redirect}): says
     * what was done, once, on that first GET (not again on the page's own posts).
     */
    static void sayDone(Function<String, String> message) {
        String done = Console.param("done");
        if (done != null && !FacesContext.getCurrentInstance().isPostback()) {
            Console.info(message.apply(done));
        }
    }

    /** After a change, the page's own address (a reload does not post again); {@code query} starts with "?". */
    static void redirect(String page, String query) throws IOException {
        ExternalContext context = FacesContext.getCurrentInstance().getExternalContext();
        context.redirect(context.getRequestContextPath() + "/console/" + page + query);
    }
}
