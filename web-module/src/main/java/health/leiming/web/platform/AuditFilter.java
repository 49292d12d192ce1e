package health.leiming.web.platform;

import health.leiming.platform.AuditQueue;
import health.leiming.platform.AuditTrail;
import health.leiming.platform.Logs;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Audits what the services do not audit themselves: every request of an admin, operator or companion
 * (their actions and what they read: members, orders, chat, jobs, content), and every member request
 * about persons (ID cards), orders with their chat, and interpretations. One entry per request: the
 * actor and their real role, the action (method and path, ids as {id}), the first id in the path, and
 * the outcome (success, denied for 403/404, rejected otherwise). Health data, logins and account
 * changes are audited where they happen, with more detail, and are not repeated here.
 */
@Provider
public class AuditFilter implements ContainerResponseFilter {

    private static final Logger LOG = Logs.get(AuditFilter.class);
    private static final Pattern ID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final List<String> ROLES = List.of("admin", "operator", "staff", "member");
    /** Audited by their services already, successes and refusals (with the person concerned). */
    private static final List<String> AUDITED_ELSEWHERE = List.of("health", "admin/login", "staff/login");
    /** Audited by their services when they succeed; a refusal before the service (a 403) is audited here. */
    private static final List<String> SUCCESS_AUDITED_ELSEWHERE = List.of("admin/accounts", "admin/me");
    /** What a member does that concerns personal data outside health data. */
    private static final List<String> MEMBER_PATHS = List.of("persons", "orders", "ai/interpretations");

    @Inject
    AuditTrail audit;

    @Inject
    AuditQueue pending;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        SecurityContext security = request.getSecurityContext();
        Principal caller = security.getUserPrincipal();
        if (caller == null) {
            return;
        }
        // Outside the request's transaction now: where a burst may wait for the audit writer (AuditQueue).
        pending.awaitRoom();
        Set<String> groups = Caller.groups(security);
        String role = ROLES.stream().filter(groups::contains).findFirst().orElse(null);
        String path = ApiPaths.relative(request.getUriInfo().getPath());
        int status = response.getStatus();
        if (role == null || !audited(role, path, status)) {
            return;
        }
        Matcher id = ID.matcher(path);
        String resourceId = id.find() ? id.group() : null;
        String action = request.getMethod() + " /" + ID.matcher(path).replaceAll("{id}");
        String outcome = status < 400 ? AuditTrail.SUCCESS
                : status == 403 || status == 404 ? AuditTrail.DENIED : AuditTrail.REJECTED;
        try {
            String shortAction = action.length() <= 60 ? action : action.substring(0, 60);
            if ("GET".equals(request.getMethod()) || status >= 400) {
                // a read, or a refusal that changed nothing: queued and written within a second with others
                audit.queue(caller.getName(), role, null, shortAction, resourceId, outcome);
            } else {
                audit.record(caller.getName(), role, null, shortAction, resourceId, outcome);
            }
        } catch (RuntimeException e) {
            LOG.warning(() -> "Audit entry not written for " + action + ": " + e);
        }
    }

    static boolean audited(String role, String path, int status) {
        if (AUDITED_ELSEWHERE.stream().anyMatch(p -> ApiPaths.under(path, p))
                || status < 400 && SUCCESS_AUDITED_ELSEWHERE.stream().anyMatch(p -> ApiPaths.under(path, p))) {
            return false;
        }
        if (!"member".equals(role)) {
            return path.startsWith("admin/") || path.startsWith("staff/") || path.startsWith("orders/");
        }
        return MEMBER_PATHS.stream().anyMatch(p -> ApiPaths.under(path, p));
    }
}
