package health.leiming.web.care;

import health.leiming.care.Catalog;
import health.leiming.care.HospitalView;
import health.leiming.care.ServiceView;
import health.leiming.order.Reviews;
import health.leiming.web.platform.ApiResponse;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * The public catalog: active services and hospitals (with departments and doctors). No login needed;
 * answers may be cached by clients and proxies for a few minutes (an admin's change shows within them).
 */
@Path("/")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class CatalogResource {

    static final int MAX_AGE_SECONDS = 300;

    @Inject
    Catalog catalog;

    @Inject
    Reviews reviews;

    @GET
    @Path("services")
    public Response services(@QueryParam("category") String category) {
        return cached(ApiResponse.<List<ServiceView>>ok(catalog.activeServices(category)));
    }

    @GET
    @Path("services/{id}")
    public Response service(@PathParam("id") String id) {
        return cached(ApiResponse.ok(catalog.activeService(id)));
    }

    @GET
    @Path("services/{id}/reviews")
    public Response reviews(@PathParam("id") String id,
            @QueryParam("page") @DefaultValue("1") @Min(value = 1, message = "页码从1开始") int page,
            @QueryParam("size") @DefaultValue("20") @Min(value = 1, message = "每页至少1条") @Max(value = 50, message = "每页最多50条") int size) {
        catalog.activeService(id);
        return cached(ApiResponse.ok(reviews.ofService(id, page, size)));
    }

    @GET
    @Path("hospitals")
    public Response hospitals() {
        return cached(ApiResponse.<List<HospitalView>>ok(catalog.activeHospitals()));
    }

    @GET
    @Path("hospitals/{id}")
    public Response hospital(@PathParam("id") String id) {
        return cached(ApiResponse.ok(catalog.hospital(id, false)));
    }

    private static Response cached(ApiResponse<?> body) {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(MAX_AGE_SECONDS);
        return Response.ok(body).cacheControl(cache).build();
    }
}
