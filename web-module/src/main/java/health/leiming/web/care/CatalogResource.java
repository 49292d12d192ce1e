package health.leiming.web.care;

import health.leiming.care.ClinicTime;
import health.leiming.care.HospitalImports;
import health.leiming.platform.BusinessException;
import health.leiming.platform.ErrorKind;
import java.time.Duration;
import java.time.Instant;
import health.leiming.care.Catalog;
import health.leiming.care.HospitalView;
import health.leiming.care.ServiceView;
import health.leiming.order.Reviews;
import health.leiming.platform.Page;
import health.leiming.web.platform.ApiResponse;
import health.leiming.web.platform.PageParams;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The public catalog: active services and hospitals (with departments and doctors). No login needed;
 * answers may be cached by clients and proxies for a few minutes (an admin's change shows within them).
 */
@Path("/")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
@Tag(name = "care")
public class CatalogResource {

    static final int MAX_AGE_SECONDS = 300;

    @Inject
    Catalog catalog;

    @Inject
    Reviews reviews;

    @Inject
    HospitalImports hospitalImports;

    @GET
    @Path("services")
    @Operation(summary = "Active services, by category")
    @APIResponse(responseCode = "200", description = "The envelope; data: the active services (cached, may answer 304)",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = ServiceView.class)))
    public Response services(@QueryParam("category") String category) {
        return cached(ApiResponse.<List<ServiceView>>ok(catalog.activeServices(category)));
    }

    @GET
    @Path("services/{id}")
    @Operation(summary = "One active service with its details")
    @APIResponse(responseCode = "200", description = "The envelope; data: the service (cached, may answer 304)",
            content = @Content(schema = @Schema(implementation = ServiceView.class)))
    public Response service(@PathParam("id") String id) {
        return cached(ApiResponse.ok(catalog.activeService(id)));
    }

    @GET
    @Path("services/{id}/reviews")
    @Operation(summary = "A service's reviews, newest first (no member data)")
    @APIResponse(responseCode = "200", description = "The envelope; data: a page of reviews {items, page, size, total} (cached, may answer 304)",
            content = @Content(schema = @Schema(implementation = Page.class)))
    public Response reviews(@PathParam("id") String id,
            @Valid @BeanParam PageParams paging) {
        catalog.activeService(id);
        return cached(ApiResponse.ok(reviews.ofService(id, paging.request())));
    }

    @GET
    @Path("hospitals")
    @Operation(summary = "Active hospitals")
    @APIResponse(responseCode = "200", description = "The envelope; data: the active hospitals (cached, may answer 304)",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = HospitalView.class)))
    public Response hospitals() {
        return cached(ApiResponse.<List<HospitalView>>ok(catalog.activeHospitals()));
    }

    @GET
    @Path("hospitals/{id}")
    @Operation(summary = "One hospital with its departments and doctors")
    @APIResponse(responseCode = "200", description = "The envelope; data: the hospital with departments and doctors (cached, may answer 304)",
            content = @Content(schema = @Schema(implementation = HospitalView.class)))
    public Response hospital(@PathParam("id") String id) {
        return cached(ApiResponse.ok(catalog.hospital(id, false)));
    }

    @GET
    @Path("doctors/{id}/clinic-times")
    @Operation(summary = "An active doctor's clinic times (出诊时间) from the hospital's own system, free or booked;"
            + " from now for 14 days unless from/to (ISO instants) say otherwise, at most 31 days")
    @APIResponse(responseCode = "200", description = "The envelope; data: the clinic times, in time order (cached, may answer 304)",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = ClinicTime.ClinicTimeView.class)))
    public Response clinicTimes(@PathParam("id") String id, @QueryParam("from") Instant from, @QueryParam("to") Instant to) {
        Instant start = from == null ? Instant.now() : from;
        Instant end = to == null ? start.plus(Duration.ofDays(14)) : to;
        if (!end.isAfter(start) || end.isAfter(start.plus(Duration.ofDays(31)))) {
            throw new BusinessException(ErrorKind.BAD_REQUEST, "RANGE_INVALID", "时间范围须在31天以内，且结束晚于开始");
        }
        return cached(ApiResponse.ok(hospitalImports.clinicTimes(id, start, end)));
    }

    private static Response cached(ApiResponse<?> body) {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(MAX_AGE_SECONDS);
        return Response.ok(body).cacheControl(cache).build();
    }
}
