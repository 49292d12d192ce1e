package health.leiming.web.console;

import health.leiming.platform.AuditTrail;
import health.leiming.platform.BusinessException;
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
        String shortAction = action.length() <= 60 ? action : action.substring(0, 60);
        try {
            T result = work.get();
            audit.record(actorId, role, null, shortAction, resourceId, AuditTrail.SUCCESS);
            return result;
        } catch (BusinessException e) {
            audit.queue(actorId, role, null, shortAction, resourceId, AuditTrail.REJECTED);
            Console.error(field, e.getMessage());
            return null;
        }
    }
}
