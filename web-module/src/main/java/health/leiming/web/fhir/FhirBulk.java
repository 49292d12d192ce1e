package health.leiming.web.fhir;

import health.leiming.interop.BulkExports;
import health.leiming.interop.HospitalCaller;
import health.leiming.platform.BusinessException;
import health.leiming.platform.ErrorKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.OperationOutcome;

/**
 * FHIR Bulk Data Access for hospital clients: kick-off ({@code Patient/$export}, {@code Group/{id}/$export},
 * where a group is the people who authorised the caller's hospital and its id is the hospital's), the status
 * URL (202 while in progress, the manifest when ready, DELETE to cancel) and the NDJSON files.
 */
@ApplicationScoped
class FhirBulk {

    static final String NDJSON = "application/fhir+ndjson";
    private static final Set<String> KICK_OFF = Set.of("_type", "_since", "_outputFormat");
    private static final Set<String> FORMATS = Set.of(NDJSON, "application/ndjson", "ndjson");

    @Inject
    BulkExports exports;

    void handle(HttpServletRequest request, HttpServletResponse response, List<String> path, HospitalCaller caller,
            String base) throws IOException {
        String method = request.getMethod();
        if (path.get(path.size() - 1).equals("$export") && "GET".equals(method)
                && (path.equals(List.of("Patient", "$export")) || path.size() == 3 && path.get(0).equals("Group"))) {
            if (path.size() == 3 && !path.get(1).equals(caller.hospitalId())) {
                throw BusinessException.notFound("Group"); // the one group a hospital has: those who authorised it
            }
            kickOff(request, response, caller, base);
        } else if (path.size() == 2 && path.get(0).equals("bulk-status") && "GET".equals(method)) {
            status(response, exports.progress(caller, path.get(1)), base);
        } else if (path.size() == 2 && path.get(0).equals("bulk-status") && "DELETE".equals(method)) {
            exports.cancel(caller, path.get(1));
            FhirServlet.send(response, 202, information("导出已取消"));
        } else if (path.size() == 2 && path.get(0).equals("bulk-files") && "GET".equals(method)) {
            byte[] body = exports.file(caller, path.get(1)).getBytes(StandardCharsets.UTF_8);
            response.setStatus(200);
            response.setContentType(NDJSON + ";charset=UTF-8");
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        } else {
            throw new BusinessException(ErrorKind.NOT_FOUND, "NOT_FOUND", "不支持的路径: " + String.join("/", path));
        }
    }

    private void kickOff(HttpServletRequest request, HttpServletResponse response, HospitalCaller caller, String base)
            throws IOException {
        FhirServlet.checkParameters(request, KICK_OFF);
        String prefer = request.getHeader("Prefer");
        if (prefer == null || !prefer.contains("respond-async")) {
            throw FhirDates.bad("批量导出须带请求头 Prefer: respond-async");
        }
        String format = request.getParameter("_outputFormat");
        if (format != null && !FORMATS.contains(format)) {
            throw FhirDates.bad("_outputFormat 只支持 " + NDJSON);
        }
        List<String> types = new ArrayList<>();
        String typeParameter = request.getParameter("_type");
        if (typeParameter != null) {
            for (String type : typeParameter.split(",")) {
                if (!type.isBlank()) {
                    types.add(type.trim());
                }
            }
        }
        Instant since = null;
        String sinceParameter = request.getParameter("_since");
        if (sinceParameter != null) {
            try {
                since = new InstantType(sinceParameter).getValue().toInstant();
            } catch (RuntimeException e) {
                throw FhirDates.bad("_since 须为带时区的时间，如 2026-11-01T00:00:00+08:00");
            }
        }
        String requestUrl = request.getRequestURL() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        String id = exports.kickOff(caller, types, since, requestUrl);
        response.setHeader("Content-Location", base + "/bulk-status/" + id);
        FhirServlet.send(response, 202, information("已受理，请轮询 Content-Location 查看进度"));
    }

    private static void status(HttpServletResponse response, BulkExports.Progress progress, String base) throws IOException {
        switch (progress.status()) {
            case "pending" -> {
                response.setHeader("X-Progress", "in progress"); // a header carries ASCII only
                response.setHeader("Retry-After", "2");
                response.setStatus(202);
            }
            case "ready" -> {
                JsonArrayBuilder output = Json.createArrayBuilder();
                progress.files().forEach(file -> output.add(Json.createObjectBuilder().add("type", file.type())
                        .add("url", base + "/bulk-files/" + file.id()).add("count", file.count())));
                FhirServlet.sendJson(response, 200, Json.createObjectBuilder()
                        .add("transactionTime", progress.requestedAt().toString())
                        .add("request", progress.requestUrl()).add("requiresAccessToken", true)
                        .add("output", output).add("error", Json.createArrayBuilder()).build());
            }
            case "failed" -> FhirServlet.send(response, 500,
                    FhirServlet.outcome(OperationOutcome.IssueType.EXCEPTION, "导出失败，请重新发起"));
            default -> throw BusinessException.notFound("导出");
        }
    }

    private static OperationOutcome information(String text) {
        OperationOutcome outcome = FhirServlet.outcome(OperationOutcome.IssueType.INFORMATIONAL, text);
        outcome.getIssueFirstRep().setSeverity(OperationOutcome.IssueSeverity.INFORMATION);
        return outcome;
    }
}
