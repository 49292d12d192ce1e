package health.leiming.web.platform;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Query parameters are short by nature (ids, dates, filters, a search word): one longer than
 * leiming.api.max-query-chars (200) is refused with 400 QUERY_TOO_LONG naming it, before any query
 * or search runs with it.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 50)
public class QueryLimitFilter implements ContainerRequestFilter {

    @Inject
    @ConfigProperty(name = "leiming.api.max-query-chars", defaultValue = "200")
    int maxChars;

    @Override
    public void filter(ContainerRequestContext request) {
        for (Map.Entry<String, List<String>> parameter : request.getUriInfo().getQueryParameters().entrySet()) {
            boolean tooLong = parameter.getKey().length() > maxChars
                    || parameter.getValue().stream().anyMatch(v -> v != null && v.length() > maxChars);
            if (tooLong) {
                String name = parameter.getKey().length() > 40 ? parameter.getKey().substring(0, 40) : parameter.getKey();
                request.abortWith(Errors.of(400, "QUERY_TOO_LONG", "查询参数 " + name + " 过长（最多" + maxChars + "个字符）",
                        null));
                return;
            }
        }
    }
}
