package health.leiming.web.platform;

import health.leiming.member.ActiveMembers;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;

/** A suspended member's tokens stop working: their requests are refused with 403 ACCOUNT_DISABLED. */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class ActiveMemberFilter implements ContainerRequestFilter {

    @Inject
    ActiveMembers members;

    @Override
    public void filter(ContainerRequestContext request) {
        Principal caller = request.getSecurityContext().getUserPrincipal();
        if (caller != null && request.getSecurityContext().isUserInRole("member") && !members.isActive(caller.getName())) {
            request.abortWith(Errors.of(403, "ACCOUNT_DISABLED", "账号已停用，请联系客服", null));
        }
    }
}
