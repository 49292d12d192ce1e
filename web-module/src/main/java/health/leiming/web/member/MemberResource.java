package health.leiming.web.member;

import health.leiming.member.Gender;
import health.leiming.member.MemberService;
import health.leiming.member.ProfileChanges;
import health.leiming.platform.Text;
import health.leiming.web.platform.ApiResponse;
import health.leiming.web.platform.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The signed-in member's own profile. */
@Path("/users/me")
@RolesAllowed("member")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
@Tag(name = "member")
public class MemberResource {

    @Inject
    MemberService members;

    @Context
    SecurityContext security;

    @GET
    @Operation(summary = "The member's own profile (phone masked)")
    public ApiResponse<UserView> me() {
        return ApiResponse.ok(UserView.of(members.profile(Caller.memberId(security))));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change the member's name, avatar, gender or birth date")
    public ApiResponse<UserView> update(@Valid @NotNull UpdateProfileRequest request) {
        ProfileChanges changes = new ProfileChanges(Text.blankToNull(request.name()), Text.blankToNull(request.avatar()),
                request.gender() == null ? null : Gender.valueOf(request.gender()), request.birthDate());
        return ApiResponse.ok(UserView.of(members.updateProfile(Caller.memberId(security), changes)));
    }

    /** The editable profile fields. Names may hold any characters (O'Brien, 欧阳娜娜); they are stored as given. */
    public record UpdateProfileRequest(
            @Size(max = 50, message = "姓名最多50个字符") String name,
            @Size(max = 500, message = "头像地址过长") @Pattern(regexp = "https://\\S+", message = "头像地址必须是 https 链接") String avatar,
            @Pattern(regexp = "male|female|unknown", message = "性别只能是 male、female 或 unknown") String gender,
            LocalDate birthDate) {
    }
}
