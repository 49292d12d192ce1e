package health.leiming.web.platform;

import health.leiming.platform.ActiveAccounts;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;

/**
 * A disabled account's tokens stop working: a suspended member's, a disabled admin's (or one whose
 * role changed since the token was issued: they sign in again), a companion's who left or is not yet
 * approved. Their requests are refused with 403 ACCOUNT_DISABLED.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class ActiveAccountFilter implements ContainerRequestFilter {

    @Inject
    ActiveAccounts accounts;

    @Override
    public void filter(ContainerRequestContext request) {
        SecurityContext security = request.getSecurityContext();
        Principal caller = security.getUserPrincipal();
        if (caller == null) {
            return;
        }
        if (!accounts.isActive(caller.getName(), Caller.groups(security))) {
            request.abortWith(Errors.of(403, "ACCOUNT_DISABLED", "账号已停用，请联系客服", null));
        }
    }
}
