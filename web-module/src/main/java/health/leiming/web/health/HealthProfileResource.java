package health.leiming.web.health;

import health.leiming.health.EmergencyContacts;
import health.leiming.health.HealthProfileService;
import health.leiming.health.ProfileInput;
import health.leiming.health.ProfileView;
import health.leiming.platform.BusinessException;
import health.leiming.platform.ConsentKind;
import health.leiming.platform.ErrorKind;
import health.leiming.web.platform.ApiResponse;
import health.leiming.web.platform.Caller;
import health.leiming.web.platform.RequiresConsent;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The health profile (健康档案) and health tags of the member or a family member (personId). */
@RequiresConsent({ConsentKind.privacy_policy, ConsentKind.health_data})
@Path("/health/profile")
@RolesAllowed("member")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
@Tag(name = "health")
public class HealthProfileResource {

    @Inject
    HealthProfileService profiles;

    @Inject
    EmergencyContacts contacts;

    @Context
    SecurityContext security;

    @GET
    @Operation(summary = "The health profile (健康档案) of the member or a family member")
    public ApiResponse<ProfileView> get(@QueryParam("personId") String personId) {
        return ApiResponse.ok(profiles.get(Caller.memberId(security), personId));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace the health profile (BMI is derived)")
    public ApiResponse<ProfileView> save(@QueryParam("personId") String personId, @Valid @NotNull ProfileRequest request) {
        return ApiResponse.ok(profiles.save(Caller.memberId(security), personId, request.input()));
    }

    @PUT
    @Path("/health-tags")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace the health tags")
    public ApiResponse<Map<String, List<String>>> tags(@QueryParam("personId") String personId,
            @Valid @NotNull TagsRequest request) {
        return ApiResponse.ok(Map.of("tags", profiles.replaceTags(Caller.memberId(security), personId, request.tags())));
    }

    @POST
    @Path("/emergency-contact/verification-code")
    @Operation(summary = "Send a code to the emergency contact's phone; alerts reach the contact only once it is"
            + " typed back (verify)")
    public ApiResponse<Map<String, Long>> sendContactCode(@QueryParam("personId") String personId) {
        return ApiResponse.ok(Map.of("expiresIn", contacts.sendCode(Caller.memberId(security), personId).toSeconds()));
    }

    @POST
    @Path("/emergency-contact/verify")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Confirm the emergency contact's phone with the code the contact received")
    public ApiResponse<Map<String, Boolean>> verifyContact(@QueryParam("personId") String personId,
            @Valid @NotNull ContactCodeRequest request) {
        contacts.verify(Caller.memberId(security), personId, request.code());
        return ApiResponse.ok(Map.of("verified", true));
    }

    public record ContactCodeRequest(@NotNull(message = "请输入验证码")
            @Pattern(regexp = "\\d{4,8}", message = "验证码格式不正确") String code) {
    }

    /** The whole profile; BMI is derived from height and weight, never sent. */
    public record ProfileRequest(
            @Pattern(regexp = "A|B|AB|O", message = "血型只能是 A、B、AB 或 O") String bloodType,
            @Pattern(regexp = "positive|negative", message = "Rh 只能是 positive 或 negative") String rh,
            BigDecimal heightCm,
            BigDecimal weightKg,
            @Schema(description = "身高(cm)，产品文档的字段名；与 heightCm 同义") BigDecimal height,
            @Schema(description = "体重(kg)，产品文档的字段名；与 weightKg 同义") BigDecimal weight,
            Boolean hasAllergy,
            @Size(max = 1000, message = "过敏信息最多1000个字符") String allergyInfo,
            @Size(max = 20, message = "慢性病最多20项") List<@Size(max = 50, message = "每项最多50个字符") String> chronicDiseases,
            @Size(max = 20, message = "家族病史最多20项") List<@Size(max = 50, message = "每项最多50个字符") String> familyHistory,
            @Valid Contact emergencyContact) {

        ProfileInput input() {
            return new ProfileInput(bloodType, rh, either("heightCm", heightCm, "height", height),
                    either("weightKg", weightKg, "weight", weight), hasAllergy, allergyInfo, chronicDiseases,
                    familyHistory, emergencyContact == null ? null
                            : new ProfileInput.Contact(emergencyContact.name(), emergencyContact.phone(),
                                    emergencyContact.relation()));
        }
    }

    /** One value under either of its two names; both given and different is a 400. */
    static BigDecimal either(String name, BigDecimal value, String alias, BigDecimal aliased) {
        if (value != null && aliased != null && value.compareTo(aliased) != 0) {
            throw new BusinessException(ErrorKind.BAD_REQUEST, "PROFILE_FIELD_CONFLICT",
                    name + " 与 " + alias + " 是同一项，请只填写一个");
        }
        return value != null ? value : aliased;
    }

    public record Contact(@Size(max = 50, message = "联系人姓名最多50个字符") String name,
            @Pattern(regexp = "1[3-9]\\d{9}", message = "请输入正确的手机号码") String phone,
            @Size(max = 20, message = "关系最多20个字符") String relation) {
    }

    public record TagsRequest(@NotNull(message = "请提供标签列表") @Size(max = 20, message = "最多20个健康标签")
            List<@NotNull @Size(min = 1, max = 30, message = "每个标签1-30个字符") String> tags) {
    }
}
