package health.leiming.web.interop;

import health.leiming.interop.HospitalClient;
import health.leiming.interop.HospitalClients;
import health.leiming.web.platform.ApiResponse;
import health.leiming.web.platform.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
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
 * Hospital systems that call /fhir/r4 (SMART Backend Services clients), registered by admins: the
 * hospital they act for, their public keys (a JWK Set), the scopes they may be granted.
 */
@Path("/admin/fhir-clients")
@RolesAllowed("admin")
@SecurityRequirement(name = "jwt")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
@Tag(name = "interop")
public class FhirClientResource {

    @Inject
    HospitalClients clients;

    @Context
    SecurityContext security;

    @GET
    @Operation(summary = "The registered hospital systems")
    public ApiResponse<List<HospitalClient.ClientView>> list() {
        return ApiResponse.ok(clients.list());
    }

    @POST
    @Operation(summary = "Register a hospital system: its clientId is the id answered")
    public ApiResponse<HospitalClient.ClientView> register(@Valid @NotNull NewClient request) {
        return ApiResponse.ok(clients.register(Caller.memberId(security), request.hospitalId(), request.name(),
                request.publicKeys() == null ? null : request.publicKeys().toString(), request.jwksUrl(), request.scopes()));
    }

    @PUT
    @Path("/{id}/keys")
    @Operation(summary = "Replace a system's public keys or its JWKS URL (the hospital rotated its key pair)")
    public ApiResponse<HospitalClient.ClientView> keys(@PathParam("id") String id, @Valid @NotNull Keys request) {
        return ApiResponse.ok(clients.replaceKeys(Caller.memberId(security), id,
                request.publicKeys() == null ? null : request.publicKeys().toString(), request.jwksUrl()));
    }

    @POST
    @Path("/{id}/disable")
    @Operation(summary = "Disable a system: its tokens stop at the next request, it gets no new ones")
    public ApiResponse<HospitalClient.ClientView> disable(@PathParam("id") String id) {
        return ApiResponse.ok(clients.setActive(Caller.memberId(security), id, false));
    }

    @POST
    @Path("/{id}/enable")
    @Operation(summary = "Enable a disabled system again")
    public ApiResponse<HospitalClient.ClientView> enable(@PathParam("id") String id) {
        return ApiResponse.ok(clients.setActive(Caller.memberId(security), id, true));
    }

    public record NewClient(@NotBlank(message = "请选择医院") @Size(max = 36) String hospitalId,
            @NotBlank(message = "请填写系统名称") @Size(max = 100, message = "系统名称最多100个字") String name,
            JsonObject publicKeys, @Size(max = 500, message = "公钥地址最多500个字符") String jwksUrl,
            @NotEmpty(message = "请至少选择一个授权范围") @Size(max = 20) List<@NotBlank @Size(max = 60) String> scopes) {
    }

    /** publicKeys (a JWK Set) or jwksUrl, one of them. */
    public record Keys(JsonObject publicKeys, @Size(max = 500, message = "公钥地址最多500个字符") String jwksUrl) {
    }
}
