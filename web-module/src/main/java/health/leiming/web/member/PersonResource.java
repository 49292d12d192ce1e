package health.leiming.web.member;

import health.leiming.member.FamilyService;
import health.leiming.member.Gender;
import health.leiming.member.PersonDetails;
import health.leiming.member.PersonView;
import health.leiming.member.Relation;
import health.leiming.platform.ConsentKind;
import health.leiming.web.platform.ApiResponse;
import health.leiming.web.platform.Caller;
import health.leiming.web.platform.ConsentGate;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The people a member looks after (家庭成员 / 就诊人): themselves and their family. ID card and phone masked. */
@Path("/persons")
@RolesAllowed("member")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
@Tag(name = "member")
public class PersonResource {

    @Inject
    FamilyService family;

    @Inject
    ConsentGate consents;

    @Context
    SecurityContext security;

    @GET
    @Operation(summary = "The member and their family members (就诊人)")
    public ApiResponse<List<PersonView>> list() {
        return ApiResponse.ok(family.list(Caller.memberId(security)));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One family member")
    public ApiResponse<PersonView> get(@PathParam("id") String id) {
        return ApiResponse.ok(family.get(Caller.memberId(security), id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a family member (ID card number encrypted, answered masked)")
    public ApiResponse<PersonView> add(@Valid @NotNull PersonRequest request) {
        String memberId = Caller.memberId(security);
        consents.require(memberId, request.consentsNeeded(false));
        return ApiResponse.ok(family.add(memberId, request.details()));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a family member")
    public ApiResponse<PersonView> update(@PathParam("id") String id, @Valid @NotNull PersonRequest request) {
        String memberId = Caller.memberId(security);
        consents.require(memberId, request.consentsNeeded(memberId.equals(id)));
        return ApiResponse.ok(family.update(memberId, id, request.details()));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Remove a family member and erase their data (their orders stay, pseudonymised)")
    public ApiResponse<Void> remove(@PathParam("id") String id) {
        family.remove(Caller.memberId(security), id);
        return ApiResponse.ok(null);
    }

    /** A family member's details; with an ID card number, birth date and gender are taken from it. */
    public record PersonRequest(
            @NotBlank(message = "请填写姓名") @Size(max = 50, message = "姓名最多50个字符") String name,
            @Pattern(regexp = "self|spouse|parent|child|grandparent|grandchild|sibling|other",
                    message = "关系只能是 spouse、parent、child、grandparent、grandchild、sibling 或 other") String relation,
            @Pattern(regexp = "male|female|unknown", message = "性别只能是 male、female 或 unknown") String gender,
            LocalDate birthDate,
            @Pattern(regexp = "\\d{17}[\\dXx]", message = "身份证号码应为18位") String idCard,
            @Pattern(regexp = "1[3-9]\\d{9}", message = "请输入正确的手机号码") String phone,
            Boolean guardianConsent) {

        /**
         * The privacy policy; the family-data consent for anyone but the member themselves; the ID card
         * consent when a number is given (PIPL: both are sensitive, each needs its separate consent).
         */
        Set<ConsentKind> consentsNeeded(boolean self) {
            Set<ConsentKind> needed = EnumSet.of(ConsentKind.privacy_policy);
            if (!self) {
                needed.add(ConsentKind.family_data);
            }
            if (idCard != null && !idCard.isBlank()) {
                needed.add(ConsentKind.id_card);
            }
            return needed;
        }

        PersonDetails details() {
            return new PersonDetails(name.strip(), relation == null ? null : Relation.valueOf(relation),
                    gender == null ? null : Gender.valueOf(gender), birthDate, idCard, phone,
                    Boolean.TRUE.equals(guardianConsent));
        }
    }
}
