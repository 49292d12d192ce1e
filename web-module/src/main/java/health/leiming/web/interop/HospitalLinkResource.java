package health.leiming.web.interop;

import health.leiming.interop.HospitalPatientLink;
import health.leiming.interop.HospitalPatientLinks;
import health.leiming.platform.ConsentKind;
import health.leiming.web.platform.ApiResponse;
import health.leiming.web.platform.Caller;
import health.leiming.web.platform.RequiresConsent;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
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
 * 关联就诊卡: a member links one of their people to their patient record at a connected hospital, so that
 * the hospital's lab results come into the person's records (at once, then with every hourly import).
 */
@Path("/health/hospital-links")
@RolesAllowed("member")
@RequiresConsent({ConsentKind.privacy_policy, ConsentKind.health_data})
@SecurityRequirement(name = "jwt")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
@Tag(name = "health")
public class HospitalLinkResource {

    @Inject
    HospitalPatientLinks links;

    @Context
    SecurityContext security;

    @GET
    @Operation(summary = "The hospital patient records the member linked, person by person, with the last import")
    public ApiResponse<List<HospitalPatientLink.LinkView>> list() {
        return ApiResponse.ok(links.list(Caller.memberId(security)));
    }

    @PUT
    @Path("/{hospitalId}")
    @Operation(summary = "Link a person (personId; the member when absent) to their patient record at the hospital by"
            + " card or record number; the record's ID card number or phone must be the person's. Imports their lab"
            + " results at once")
    public ApiResponse<HospitalPatientLink.LinkView> link(@PathParam("hospitalId") String hospitalId,
            @QueryParam("personId") String personId, @Valid @NotNull Card request) {
        String memberId = Caller.memberId(security);
        links.link(memberId, personId, hospitalId, request.cardNumber());
        return ApiResponse.ok(links.importNow(memberId, personId, hospitalId));
    }

    @DELETE
    @Path("/{hospitalId}")
    @Operation(summary = "End the link: nothing more is imported (the lab reports already imported stay)")
    public ApiResponse<Void> unlink(@PathParam("hospitalId") String hospitalId, @QueryParam("personId") String personId) {
        links.unlink(Caller.memberId(security), personId, hospitalId);
        return ApiResponse.ok(null);
    }

    public record Card(@NotBlank(message = "请填写就诊卡号或病历号") @Size(max = 64, message = "就诊卡号或病历号最长64位")
            String cardNumber) {
    }
}
