package health.leiming.web.platform;

import jakarta.annotation.Priority;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;

/**
 * Refuses a request for a protected resource that carries no valid token (missing, expired, tampered,
 * unsigned: MicroProfile JWT leaves the caller anonymous) with a 401 in our envelope, before the role
 * check would answer with the container's empty 401.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AuthenticationRequiredFilter implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        if (requiresRole() && request.getSecurityContext().getUserPrincipal() == null) {
            Response refused = Errors.of(401, "UNAUTHENTICATED", "请先登录", null);
            request.abortWith(Response.fromResponse(refused).header("WWW-Authenticate", "Bearer").build());
        }
    }

    private boolean requiresRole() {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return false;
        }
        if (method.isAnnotationPresent(PermitAll.class)) {
            return false;
        }
        return method.isAnnotationPresent(RolesAllowed.class)
                || resource.getResourceClass().isAnnotationPresent(RolesAllowed.class);
    }
}
