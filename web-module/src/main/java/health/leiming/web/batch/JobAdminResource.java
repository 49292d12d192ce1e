package health.leiming.web.batch;

import health.leiming.batch.JobControl;
import health.leiming.platform.BusinessException;
import health.leiming.platform.ErrorKind;
import health.leiming.web.platform.ApiResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The batch jobs for operators: start one with parameters, stop, restart a failed or stopped
 * execution, list executions with their status, times and counts, and read one's summary. Admins only.
 */
@Path("/admin/jobs")
@RolesAllowed("admin")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@ApplicationScoped
@Tag(name = "batch")
public class JobAdminResource {

    @Inject
    JobControl jobs;

    /** Starts a job: {"period": "week"|"month", "date": "2026-11-23", "regenerate": "true"} or {"window": "PT24H"}. */
    @POST
    @Path("/{job}/start")
    @Operation(summary = "Start a batch job (weekly or monthly reports, reminders) now")
    public ApiResponse<JobControl.ExecutionView> start(@PathParam("job") String job, Map<String, String> parameters) {
        return ApiResponse.ok(jobs.start(job, parameters));
    }

    /**
     * Starts the run a schedule had at one fire time (a run missed while every server was down, say),
     * unless a server already started it: 409 SCHEDULED_RUN_TAKEN.
     */
    @POST
    @Path("/schedules/{schedule}/runs")
    @Operation(summary = "Start a missed scheduled run (once across servers)")
    public ApiResponse<JobControl.ExecutionView> startScheduled(@PathParam("schedule") String schedule,
            @QueryParam("fireTime") String fireTime) {
        Instant at;
        try {
            at = Instant.parse(fireTime);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new BusinessException(ErrorKind.BAD_REQUEST, "JOB_PARAMETER_INVALID", "fireTime应为ISO-8601时间，例如2026-11-30T18:00:00Z");
        }
        return ApiResponse.ok(jobs.startScheduled(schedule, at, Map.of())
                .orElseThrow(() -> new BusinessException(ErrorKind.CONFLICT, "SCHEDULED_RUN_TAKEN", "该计划的这次运行已经启动过")));
    }

    @GET
    @Path("/executions")
    @Operation(summary = "Recent job executions, newest first")
    public ApiResponse<List<JobControl.ExecutionView>> executions(@QueryParam("job") String job,
            @QueryParam("limit") @DefaultValue("50") @Min(value = 1, message = "至少1条") @Max(value = 500, message = "最多500条") int limit) {
        return ApiResponse.ok(jobs.executions(job, limit));
    }

    @GET
    @Path("/executions/{id}")
    @Operation(summary = "One execution's status, steps and counts")
    public ApiResponse<JobControl.ExecutionView> summary(@PathParam("id") long id) {
        return ApiResponse.ok(jobs.summary(id));
    }

    @POST
    @Path("/executions/{id}/stop")
    @Operation(summary = "Stop a running execution")
    public ApiResponse<JobControl.ExecutionView> stop(@PathParam("id") long id) {
        return ApiResponse.ok(jobs.stop(id));
    }

    @POST
    @Path("/executions/{id}/restart")
    @Operation(summary = "Restart a stopped or failed execution from its checkpoint")
    public ApiResponse<JobControl.ExecutionView> restart(@PathParam("id") long id) {
        return ApiResponse.ok(jobs.restart(id));
    }
}
