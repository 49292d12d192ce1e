package health.leiming.web.platform;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * Headers every API answer carries: no content sniffing; no caching of what is not meant to be cached
 * (personal data is in most answers; the catalog sets its own caching); HSTS when the request came over
 * HTTPS, directly or through the load balancer (X-Forwarded-Proto).
 */
@Provider
public class SecurityHeadersFilter implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        response.getHeaders().putSingle("X-Content-Type-Options", "nosniff");
        if (!response.getHeaders().containsKey(HttpHeaders.CACHE_CONTROL)) {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
        }
        if ("https".equalsIgnoreCase(request.getUriInfo().getRequestUri().getScheme())
                || "https".equalsIgnoreCase(request.getHeaderString("X-Forwarded-Proto"))) {
            response.getHeaders().putSingle("Strict-Transport-Security", "max-age=31536000");
        }
    }
}
