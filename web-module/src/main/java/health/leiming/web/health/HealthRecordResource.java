package health.leiming.web.health;

import health.leiming.health.HealthRecordRevision;
import health.leiming.health.HealthRecordService;
import health.leiming.health.RecordInput;
import health.leiming.health.RecordView;
import health.leiming.platform.ConsentKind;
import health.leiming.platform.Page;
import health.leiming.web.platform.ApiResponse;
import health.leiming.web.platform.Caller;
import health.leiming.web.platform.PageParams;
import health.leiming.web.platform.RequiresConsent;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Health records (seed 5.3.2) of the member or one of their family members (personId, default: the
 * member). Every reading is classified against the Chinese guidelines.
 */
@RequiresConsent({ConsentKind.privacy_policy, ConsentKind.health_data})
@Path("/health/records")
@RolesAllowed("member")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
@Tag(name = "health")
public class HealthRecordResource {

    @Inject
    HealthRecordService records;

    @Context
    SecurityContext security;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a reading, classified by the Chinese guidelines (seed 5.3.2)")
    public ApiResponse<RecordView> record(@QueryParam("personId") String personId,
            @Valid @NotNull RecordRequest request) {
        return ApiResponse.ok(records.record(Caller.memberId(security), personId, request.input()));
    }

    @GET
    @Operation(summary = "Readings, newest first, by person, type and time")
    public ApiResponse<Page<RecordView>> list(@QueryParam("personId") String personId,
            @QueryParam("type") String type, @QueryParam("from") Instant from, @QueryParam("to") Instant to,
            @Valid @BeanParam PageParams paging) {
        var result = records.list(Caller.memberId(security), personId, type, from, to, paging.request());
        return ApiResponse.ok(result);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One reading")
    public ApiResponse<RecordView> get(@PathParam("id") String id) {
        return ApiResponse.ok(records.get(Caller.memberId(security), id));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Correct a reading (the previous version is kept)")
    public ApiResponse<RecordView> correct(@PathParam("id") String id, @Valid @NotNull RecordRequest request) {
        return ApiResponse.ok(records.correct(Caller.memberId(security), id, request.input(), request.reason()));
    }

    @GET
    @Path("/{id}/history")
    @Operation(summary = "A reading's earlier versions")
    public ApiResponse<List<HealthRecordRevision.RevisionView>> history(@PathParam("id") String id) {
        return ApiResponse.ok(records.history(Caller.memberId(security), id));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a reading")
    public ApiResponse<Void> delete(@PathParam("id") String id) {
        records.delete(Caller.memberId(security), id);
        return ApiResponse.ok(null);
    }

    /** The seed's request: {type, value, unit, recordedAt, source, deviceId, notes, metadata}. */
    public record RecordRequest(
            @NotBlank(message = "请选择健康数据类型") String type,
            BigDecimal value,
            @Size(max = 20, message = "单位过长") String unit,
            Instant recordedAt,
            String source,
            @Size(max = 64, message = "设备编号最多64个字符") String deviceId,
            @Size(max = 500, message = "备注最多500个字符") String notes,
            @Size(max = 200, message = "修改原因最多200个字符") String reason,
            @Valid Metadata metadata) {

        RecordInput input() {
            Metadata m = metadata == null ? new Metadata(null, null, null, null) : metadata;
            return new RecordInput(type, value, unit, recordedAt, source, deviceId, notes, m.systolic(), m.diastolic(),
                    m.heartRate(), m.context());
        }
    }

    /** Blood pressure readings and glucose context. */
    public record Metadata(BigDecimal systolic, BigDecimal diastolic, Integer heartRate, String context) {
    }
}
