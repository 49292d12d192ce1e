package health.leiming.web.member;

import health.leiming.member.CostLadder;
import health.leiming.web.platform.ApiResponse;
import health.leiming.web.platform.Caller;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.function.UnaryOperator;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The rungs of the benchmark's cost ladder between Liberty's /health/live and GET /users/me (see
 * bench/README.md, and BenchServlet for the rung below these): from anon (JAX-RS and our filters, no
 * token) and noop (every filter a member's request passes: token, rate limit, active account, request
 * id, audit filter) each rung adds one layer. Not part of the API: 404 unless
 * leiming.bench.ladder=true, which production refuses; hidden from the OpenAPI document.
 */
@Path("/bench/ladder")
@RolesAllowed("member")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class CostLadderResource {

    @Inject
    CostLadder ladder;

    @Inject
    @ConfigProperty(name = "leiming.bench.ladder", defaultValue = "false")
    boolean enabled;

    @Context
    SecurityContext security;

    /** No token: JAX-RS, our filters and JSON-B, without the token check. */
    @GET
    @Path("/anon")
    @PermitAll
    @Operation(hidden = true)
    public ApiResponse<String> anonymous() {
        requireEnabled();
        return ApiResponse.ok("anonymous");
    }

    /** The caller's id in the envelope: the authenticated request path with no work behind it. */
    @GET
    @Path("/noop")
    @Operation(hidden = true)
    public ApiResponse<String> noop() {
        return rung(UnaryOperator.identity());
    }

    /** Plus an EJB call without a transaction. */
    @GET
    @Path("/ejb")
    @Operation(hidden = true)
    public ApiResponse<String> ejb() {
        return rung(ladder::call);
    }

    /** Plus a transaction that touches nothing. */
    @GET
    @Path("/tx")
    @Operation(hidden = true)
    public ApiResponse<String> transaction() {
        return rung(ladder::emptyTransaction);
    }

    /** Plus one em.find of the member's row. */
    @GET
    @Path("/find")
    @Operation(hidden = true)
    public ApiResponse<String> find() {
        return rung(ladder::find);
    }

    /** The same em.find outside a transaction (how read-only services read). */
    @GET
    @Path("/read")
    @Operation(hidden = true)
    public ApiResponse<String> read() {
        return rung(ladder::read);
    }

    private ApiResponse<String> rung(UnaryOperator<String> work) {
        requireEnabled();
        return ApiResponse.ok(work.apply(Caller.memberId(security)));
    }

    private void requireEnabled() {
        if (!enabled) {
            throw new NotFoundException();
        }
    }
}
