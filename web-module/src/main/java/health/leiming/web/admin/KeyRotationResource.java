package health.leiming.web.admin;

import health.leiming.platform.KeyRotation;
import health.leiming.web.platform.ApiResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** After a key rotation: re-encrypt what is still under an old key (admins only). */
@Path("/admin/crypto/rotate")
@RolesAllowed("admin")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
@Tag(name = "platform")
public class KeyRotationResource {

    @Inject
    KeyRotation rotation;

    @POST
    @Operation(summary = "Re-encrypt every field still under a previous key (leiming.crypto.previous-keys) with the"
            + " current one; answers how many values per column. Safe to run again; when it answers zeros, the old"
            + " keys can be removed from the configuration")
    public ApiResponse<Map<String, Integer>> rotate() {
        return ApiResponse.ok(rotation.rotate());
    }
}
