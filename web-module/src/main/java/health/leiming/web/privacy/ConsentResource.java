package health.leiming.web.privacy;

import health.leiming.platform.Page;
import health.leiming.privacy.ConsentDocument;
import health.leiming.privacy.ConsentRecord;
import health.leiming.privacy.ConsentService;
import health.leiming.privacy.ConsentsView;
import health.leiming.web.platform.ApiResponse;
import health.leiming.web.platform.Caller;
import health.leiming.web.platform.PageParams;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
 * The privacy policy and the separate consents (PIPL): what there is to accept, the member's answers,
 * acceptance, withdrawal and the record of both. Health data is refused (403 CONSENT_REQUIRED) until the
 * current versions of the required documents are accepted.
 */
@Path("/privacy")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
@Tag(name = "privacy")
public class ConsentResource {

    @Inject
    ConsentService consents;

    @Context
    SecurityContext security;

    /** {consents: [{kind, version}]}: the documents the member read and accepts. */
    public record AcceptRequest(@NotEmpty(message = "请选择要同意的内容") @Size(max = 10, message = "最多10项")
            List<@Valid @NotNull(message = "同意项不能为空") Item> consents) {
    }

    public record Item(@NotNull(message = "请指明同意的内容") @Size(max = 30) String kind,
            @Min(value = 1, message = "版本号无效") @Max(value = 100_000, message = "版本号无效") int version) {
    }

    @GET
    @Path("/documents")
    @PermitAll
    @Operation(summary = "The current privacy policy and separate consents, to show before registration")
    public ApiResponse<List<ConsentDocument.DocumentView>> documents() {
        return ApiResponse.ok(consents.current());
    }

    @GET
    @Path("/consents")
    @RolesAllowed("member")
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Each document with the member's answer, and the required ones still to accept")
    public ApiResponse<ConsentsView> state() {
        return ApiResponse.ok(consents.state(Caller.memberId(security)));
    }

    @POST
    @Path("/consents")
    @RolesAllowed("member")
    @SecurityRequirement(name = "jwt")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Accept the current version of one or more documents")
    public ApiResponse<ConsentsView> accept(@Valid @NotNull AcceptRequest request) {
        return ApiResponse.ok(consents.accept(Caller.memberId(security), request.consents().stream()
                .map(item -> new ConsentService.Acceptance(item.kind(), item.version())).toList()));
    }

    @DELETE
    @Path("/consents/{kind}")
    @RolesAllowed("member")
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Withdraw a consent: the processing that needs it stops from now on")
    public ApiResponse<ConsentsView> withdraw(@PathParam("kind") String kind) {
        return ApiResponse.ok(consents.withdraw(Caller.memberId(security), kind));
    }

    @GET
    @Path("/consents/history")
    @RolesAllowed("member")
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "The member's acceptances and withdrawals, newest first, with request and client")
    public ApiResponse<Page<ConsentRecord.RecordView>> history(@Valid @BeanParam PageParams paging) {
        return ApiResponse.ok(consents.history(Caller.memberId(security), paging.request()));
    }
}
