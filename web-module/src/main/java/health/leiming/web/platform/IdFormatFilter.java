package health.leiming.web.platform;

import health.leiming.platform.Ids;
import jakarta.annotation.Priority;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ids have one format, the UUID the application assigns: a text id in the path ({@code id},
 * {@code orderId}) or the query ({@code personId}, {@code serviceId}, ...) that cannot exist answers
 * 404 here, before any query runs or any audit row is written (a 300-character "id" used to fail the
 * audit insert of its own refusal, answering 500).
 */
@Provider
@Priority(Priorities.USER)
public class IdFormatFilter implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    /** Per resource method: its text id parameters, as (path?, name). */
    private final Map<Method, List<IdParameter>> idParameters = new ConcurrentHashMap<>();

    private record IdParameter(boolean inPath, String name) {
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return;
        }
        for (IdParameter id : idParameters.computeIfAbsent(method, IdFormatFilter::idParameters)) {
            List<String> values = id.inPath() ? request.getUriInfo().getPathParameters().get(id.name())
                    : request.getUriInfo().getQueryParameters().get(id.name());
            if (values != null && values.stream().anyMatch(v -> v != null && !v.isBlank() && !Ids.isId(v.strip()))) {
                request.abortWith(Errors.of(404, "NOT_FOUND", "请求的资源不存在", null));
                return;
            }
        }
    }

    private static List<IdParameter> idParameters(Method method) {
        List<IdParameter> ids = new ArrayList<>();
        for (Parameter parameter : method.getParameters()) {
            if (parameter.getType() != String.class) {
                continue; // a numeric id (job executions) is checked by its type
            }
            PathParam path = parameter.getAnnotation(PathParam.class);
            QueryParam query = parameter.getAnnotation(QueryParam.class);
            if (path != null && isIdName(path.value())) {
                ids.add(new IdParameter(true, path.value()));
            } else if (query != null && isIdName(query.value())) {
                ids.add(new IdParameter(false, query.value()));
            }
        }
        return List.copyOf(ids);
    }

    /** "id", "personId", "orderId"...: the names our operations give ids. */
    static boolean isIdName(String name) {
        return name.equals("id") || name.endsWith("Id");
    }
}
