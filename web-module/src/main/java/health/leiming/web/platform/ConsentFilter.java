package health.leiming.web.platform;

import health.leiming.platform.ConsentKind;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Applies {@link RequiresConsent} to members' requests (ConsentGate), after authentication and roles. */
@Provider
@Priority(Priorities.AUTHORIZATION + 20)
public class ConsentFilter implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Inject
    ConsentGate gate;

    private final Map<Method, Set<ConsentKind>> needed = new ConcurrentHashMap<>();

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return;
        }
        Set<ConsentKind> kinds = needed.computeIfAbsent(method, ConsentFilter::neededBy);
        SecurityContext security = request.getSecurityContext();
        if (kinds.isEmpty() || security.getUserPrincipal() == null || !Caller.groups(security).contains("member")) {
            return;
        }
        gate.refusal(Caller.memberId(security), kinds).ifPresent(request::abortWith);
    }

    static Set<ConsentKind> neededBy(Method method) {
        RequiresConsent annotation = method.getAnnotation(RequiresConsent.class);
        if (annotation == null) {
            annotation = method.getDeclaringClass().getAnnotation(RequiresConsent.class);
        }
        if (annotation == null || annotation.value().length == 0) {
            return Set.of();
        }
        return Set.copyOf(EnumSet.of(annotation.value()[0], annotation.value()));
    }
}
