package health.leiming.web.interop;

import health.leiming.interop.HospitalConsent;
import health.leiming.interop.HospitalConsents;
import health.leiming.platform.ConsentKind;
import health.leiming.web.platform.ApiResponse;
import health.leiming.web.platform.Caller;
import health.leiming.web.platform.RequiresConsent;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * 授权医院: a member lets a hospital's systems see one of their people (their details, and their readings
 * while health data is consented to), and takes it back.
 */
@Path("/privacy/hospitals")
@RolesAllowed("member")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
@Tag(name = "privacy")
public class HospitalConsentResource {

    @Inject
    HospitalConsents consents;

    @Context
    SecurityContext security;

    @GET
    @Operation(summary = "The hospitals the member authorised (and took back), person by person")
    public ApiResponse<List<HospitalConsent.ConsentView>> list() {
        return ApiResponse.ok(consents.list(Caller.memberId(security)));
    }

    @PUT
    @Path("/{hospitalId}")
    @RequiresConsent({ConsentKind.privacy_policy, ConsentKind.health_data})
    @Operation(summary = "Authorise the hospital for a person (personId; the member themselves when absent)")
    public ApiResponse<HospitalConsent.ConsentView> grant(@PathParam("hospitalId") String hospitalId,
            @QueryParam("personId") String personId) {
        return ApiResponse.ok(consents.grant(Caller.memberId(security), personId, hospitalId));
    }

    @DELETE
    @Path("/{hospitalId}")
    @Operation(summary = "Take the hospital's authorisation for the person back")
    public ApiResponse<HospitalConsent.ConsentView> revoke(@PathParam("hospitalId") String hospitalId,
            @QueryParam("personId") String personId) {
        return ApiResponse.ok(consents.revoke(Caller.memberId(security), personId, hospitalId));
    }
}
