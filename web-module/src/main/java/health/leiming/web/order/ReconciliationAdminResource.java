package health.leiming.web.order;

import health.leiming.order.Reconciliation;
import health.leiming.order.ReconciliationRecords;
import health.leiming.platform.BusinessException;
import health.leiming.platform.ErrorKind;
import health.leiming.platform.Page;
import health.leiming.web.platform.ApiResponse;
import health.leiming.web.platform.PageParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The daily reconciliations with WeChat Pay for admins and finance: the days with their totals and how
 * many differences wait for a person, and one day's differences with what was done about each. A day is
 * (re)run through the reconciliation batch job (POST /admin/jobs/reconciliation/start {"date": ...}).
 */
@Path("/admin/reconciliations")
@RolesAllowed("admin")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
@Tag(name = "order")
public class ReconciliationAdminResource {

    @Inject
    ReconciliationRecords records;

    @GET
    @Operation(summary = "Reconciled bill days, newest first, with their totals and open differences")
    public ApiResponse<Page<Reconciliation.DayView>> days(@Valid @BeanParam PageParams paging) {
        return ApiResponse.ok(records.days(paging.request()));
    }

    @GET
    @Path("/{date}")
    @Operation(summary = "One bill day's reconciliation and every difference found")
    public ApiResponse<ReconciliationRecords.DayDetail> day(@PathParam("date") String date) {
        LocalDate day;
        try {
            day = LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw new BusinessException(ErrorKind.BAD_REQUEST, "DATE_INVALID", "日期应为yyyy-MM-dd格式");
        }
        return ApiResponse.ok(records.day(day));
    }
}
