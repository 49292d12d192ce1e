package health.leiming.web.interop;

import health.leiming.interop.HospitalConnection;
import health.leiming.interop.HospitalConnections;
import health.leiming.web.platform.ApiResponse;
import health.leiming.web.platform.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Hospitals' own FHIR servers, whose doctors and clinic times the hospital-import job brings into the
 * catalog, and the lab results of the people linked there (admins register them; the bearer token stays in
 * configuration, named by tokenSetting).
 */
@Path("/admin/hospital-connections")
@RolesAllowed("admin")
@SecurityRequirement(name = "jwt")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
@Tag(name = "interop")
public class HospitalConnectionResource {

    @Inject
    HospitalConnections connections;

    @Context
    SecurityContext security;

    @GET
    @Operation(summary = "The connected hospitals' FHIR servers, with each one's last import and its result")
    public ApiResponse<List<HospitalConnection.ConnectionView>> list() {
        return ApiResponse.ok(connections.list());
    }

    @POST
    @Operation(summary = "Connect a hospital's FHIR server (one per hospital)")
    public ApiResponse<HospitalConnection.ConnectionView> create(@Valid @NotNull NewConnection request) {
        return ApiResponse.ok(connections.register(Caller.memberId(security), request.hospitalId(), request.baseUrl(),
                request.tokenSetting()));
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Change a connection's address or token setting, or pause it (active false)")
    public ApiResponse<HospitalConnection.ConnectionView> change(@PathParam("id") String id,
            @Valid @NotNull Change request) {
        return ApiResponse.ok(connections.change(Caller.memberId(security), id, request.baseUrl(), request.tokenSetting(),
                request.active() == null || request.active()));
    }

    public record NewConnection(@NotBlank(message = "请选择医院") @Size(max = 36) String hospitalId,
            @NotBlank(message = "请填写医院 FHIR 服务器地址") @Size(max = 500) String baseUrl,
            @Size(max = 100) String tokenSetting) {
    }

    public record Change(@NotBlank(message = "请填写医院 FHIR 服务器地址") @Size(max = 500) String baseUrl,
            @Size(max = 100) String tokenSetting, Boolean active) {
    }
}
