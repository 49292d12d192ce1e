package health.leiming.web.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Per-client rate limit on the public API: beyond leiming.rate-limit.requests-per-minute a client gets
 * 429 with Retry-After. The client is the remote address, or the first X-Forwarded-For address when
 * the server sits behind the hospital's own reverse proxy (leiming.rate-limit.trust-forwarded-for).
 * WeChat Pay's notifications are not limited: they come from a few WeChat addresses, carry their own
 * signature, and a refused one would only delay a member's payment.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class RateLimitFilter implements ContainerRequestFilter {

    @Inject
    @ConfigProperty(name = "leiming.rate-limit.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "leiming.rate-limit.requests-per-minute", defaultValue = "300")
    int requestsPerMinute;

    @Inject
    @ConfigProperty(name = "leiming.rate-limit.trust-forwarded-for", defaultValue = "false")
    boolean trustForwardedFor;

    @Context
    HttpServletRequest servletRequest;

    private RateLimiter limiter;

    @PostConstruct
    void init() {
        limiter = new RateLimiter(requestsPerMinute);
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!enabled || request.getUriInfo().getPath().startsWith("payments/wechat/")
                || request.getUriInfo().getPath().startsWith("/payments/wechat/")) {
            return;
        }
        long retryAfter = limiter.acquire(client(request), System.nanoTime());
        if (retryAfter > 0) {
            Response refused = Errors.of(429, "RATE_LIMITED", "请求过于频繁，请稍后再试", null);
            request.abortWith(Response.fromResponse(refused).header("Retry-After", retryAfter).build());
        }
    }

    private String client(ContainerRequestContext request) {
        if (trustForwardedFor) {
            String forwarded = request.getHeaderString("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank()) {
                return forwarded.split(",")[0].trim();
            }
        }
        return servletRequest.getRemoteAddr();
    }
}
