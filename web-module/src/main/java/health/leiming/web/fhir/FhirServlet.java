package health.leiming.web.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import health.leiming.interop.FhirScopes;
import health.leiming.interop.HospitalAccess;
import health.leiming.interop.HospitalSchedules;
import health.leiming.interop.HospitalCaller;
import health.leiming.interop.HospitalClients;
import health.leiming.member.TokenVerifier;
import health.leiming.platform.BusinessException;
import health.leiming.platform.ErrorKind;
import health.leiming.platform.Logs;
import health.leiming.platform.Page;
import health.leiming.platform.PageRequest;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.time.Instant;
import java.time.Duration;
import org.hl7.fhir.r4.model.Slot;
import org.hl7.fhir.r4.model.Schedule;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;

/**
 * The FHIR R4 API for hospital systems, under /fhir/r4: the CapabilityStatement and SMART configuration
 * (open), the token endpoint (a signed client assertion), and Patient, Observation and Organization for a
 * hospital client's token. A servlet of its own, not a JAX-RS application beside /api/v1: that one finds
 * every resource and provider of the module, and the envelope is not FHIR's. Every error is an
 * OperationOutcome (OAuth's error object at the token endpoint), never a stack trace.
 */
@WebServlet(urlPatterns = "/fhir/r4/*")
public class FhirServlet extends HttpServlet {

    static final String FHIR_JSON = "application/fhir+json";
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logs.get(FhirServlet.class);
    private static final int MAX_BODY = 1024 * 1024;
    private static final int DEFAULT_COUNT = 20;
    private static final int MAX_COUNT = 100;
    private static final Set<String> BULK = Set.of("bulk-status", "bulk-files");
    private static final Set<String> OBSERVATION_SEARCH = Set.of("patient", "subject", "code", "date", "_count", "_sort",
            "_page", "_format");

    @Inject
    transient HospitalClients clients;

    @Inject
    transient HospitalAccess access;

    @Inject
    transient HospitalSchedules schedules;

    @Inject
    transient TokenVerifier tokens;

    @Inject
    transient FhirBulk bulk;

    @Inject
    @ConfigProperty(name = "leiming.public-base-url")
    transient Optional<String> publicBaseUrl;

    @Inject
    @ConfigProperty(name = "leiming.business-zone", defaultValue = "Asia/Shanghai")
    transient String businessZone;

    private static FhirContext fhir() {
        return FhirContext.forR4Cached();
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        List<String> path = path(request);
        try {
            if (path.equals(List.of("metadata")) && "GET".equals(request.getMethod())) {
                send(response, 200, FhirCapabilities.statement(base(request)));
            } else if (path.equals(List.of(".well-known", "smart-configuration")) && "GET".equals(request.getMethod())) {
                sendJson(response, 200, FhirCapabilities.smartConfiguration(base(request)));
            } else if (path.equals(List.of("auth", "token"))) {
                token(request, response);
            } else {
                resource(request, response, path);
            }
        } catch (BusinessException e) {
            refuse(response, e);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "FHIR request failed: " + request.getMethod() + " " + request.getRequestURI(), e);
            send(response, 500, outcome(OperationOutcome.IssueType.EXCEPTION, "服务器内部错误，请稍后重试"));
        }
    }

    private void resource(HttpServletRequest request, HttpServletResponse response, List<String> path) throws IOException {
        HospitalCaller caller = caller(request);
        String method = request.getMethod();
        String type = path.isEmpty() ? "" : path.get(0);
        if (!path.isEmpty() && "$export".equals(path.get(path.size() - 1)) || BULK.contains(type)) {
            bulk.handle(request, response, path, caller, base(request));
            return;
        }
        if (path.isEmpty() && "POST".equals(method)) {
            send(response, 200, transaction(request, caller));
            return;
        }
        if (!FhirScopes.RESOURCE_TYPES.contains(type) || path.size() > 2) {
            throw new BusinessException(ErrorKind.NOT_FOUND, "NOT_FOUND", "不支持的资源或路径: " + String.join("/", path));
        }
        if (path.size() == 2 && "GET".equals(method)) {
            String id = path.get(1);
            send(response, 200, switch (type) {
                case "Patient" -> access.patient(caller, id);
                case "Observation" -> access.observation(caller, id);
                case "Practitioner" -> access.practitioner(caller, id);
                case "Location" -> access.location(caller, id);
                case "Appointment" -> access.appointment(caller, id);
                case "Schedule" -> schedules.schedule(caller, id);
                case "Slot" -> schedules.slot(caller, id);
                default -> access.organization(caller, id);
            });
        } else if (path.size() == 1 && "GET".equals(method) && Set.of("Practitioner", "Location").contains(type)) {
            checkParameters(request, Set.of("_format"));
            List<? extends Resource> all = "Practitioner".equals(type) ? access.practitioners(caller) : access.locations(caller);
            send(response, 200, bundle(request, new Page<>(List.copyOf(all), 1, Math.max(all.size(), 1), all.size())));
        } else if (path.size() == 1 && "GET".equals(method) && "Schedule".equals(type)) {
            checkParameters(request, Set.of("_format"));
            List<Schedule> all = schedules.schedules(caller);
            send(response, 200, bundle(request, new Page<>(List.copyOf(all), 1, Math.max(all.size(), 1), all.size())));
        } else if (path.size() == 1 && "GET".equals(method) && "Slot".equals(type)) {
            send(response, 200, searchSlots(request, caller));
        } else if (path.size() == 1 && "GET".equals(method) && "Appointment".equals(type)) {
            checkParameters(request, Set.of("patient", "date", "_count", "_page", "_format"));
            FhirDates dates = new FhirDates(ZoneId.of(businessZone));
            values(request, "date").forEach(dates::add);
            send(response, 200, bundle(request, access.appointments(caller, patient(request), dates.from(), dates.to(),
                    page(request))));
        } else if (path.size() == 1 && "GET".equals(method) && "Patient".equals(type)) {
            checkParameters(request, Set.of("_count", "_page", "_format"));
            PageRequest page = page(request);
            send(response, 200, bundle(request, access.patients(caller, page)));
        } else if (path.size() == 1 && "GET".equals(method) && "Observation".equals(type)) {
            send(response, 200, searchObservations(request, caller));
        } else if (path.size() == 1 && "POST".equals(method) && "Observation".equals(type)) {
            Observation observation = parse(request, Observation.class);
            HospitalAccess.Stored stored = access.record(caller, observation);
            response.setHeader("Location", base(request) + "/Observation/" + stored.observation().getIdElement().getIdPart());
            send(response, stored.created() ? 201 : 200, stored.observation());
        } else {
            response.setHeader("Allow", path.size() == 1 && "Observation".equals(type) ? "GET, POST" : "GET");
            throw new BusinessException(ErrorKind.BAD_REQUEST, "METHOD_NOT_ALLOWED", "不支持的操作: " + method + " " + type);
        }
    }

    /**
     * A schedule's slots: {@code schedule} (Schedule/{id} or the id) is required, {@code start} (ge, lt...)
     * bounds them; without a bound, the next day from now.
     */
    private Bundle searchSlots(HttpServletRequest request, HospitalCaller caller) {
        checkParameters(request, Set.of("schedule", "start", "_format"));
        String schedule = request.getParameter("schedule");
        if (schedule == null || schedule.isBlank()) {
            throw FhirDates.bad("请用 schedule 参数指明 Schedule（如 schedule=Schedule/{id}）");
        }
        FhirDates dates = new FhirDates(ZoneId.of(businessZone));
        values(request, "start").forEach(dates::add);
        Instant from = dates.from() != null ? dates.from() : Instant.now();
        Instant to = dates.to() != null ? dates.to() : from.plus(Duration.ofDays(1));
        List<Slot> slots = schedules.slots(caller, schedule.substring(schedule.lastIndexOf('/') + 1), from, to);
        return bundle(request, new Page<>(List.copyOf(slots), 1, Math.max(slots.size(), 1), slots.size()));
    }

    private Bundle searchObservations(HttpServletRequest request, HospitalCaller caller) {
        checkParameters(request, OBSERVATION_SEARCH);
        String patient = patient(request);
        List<String> codes = new ArrayList<>();
        for (String value : values(request, "code")) {
            for (String token : value.split(",")) {
                int bar = token.indexOf('|');
                if (bar >= 0 && !token.substring(0, bar).isEmpty() && !"http://loinc.org".equals(token.substring(0, bar))) {
                    continue; // a code of another system matches nothing here
                }
                codes.add(bar >= 0 ? token.substring(bar + 1) : token);
            }
        }
        if (!values(request, "code").isEmpty() && codes.isEmpty()) {
            codes.add("none"); // only other systems' codes: nothing matches
        }
        FhirDates dates = new FhirDates(ZoneId.of(businessZone));
        values(request, "date").forEach(dates::add);
        String sort = Optional.ofNullable(request.getParameter("_sort")).orElse("-date");
        if (!Set.of("date", "-date").contains(sort)) {
            throw FhirDates.bad("_sort 只支持 date 或 -date");
        }
        Page<Observation> found = access.observations(caller, patient, codes, dates.from(), dates.to(), sort.equals("-date"),
                page(request));
        return bundle(request, found);
    }

    /** A transaction Bundle of Observation creates: all recorded or none; the response names each. */
    private Bundle transaction(HttpServletRequest request, HospitalCaller caller) throws IOException {
        Bundle bundle = parse(request, Bundle.class);
        if (bundle.getType() != Bundle.BundleType.TRANSACTION) {
            throw new BusinessException(ErrorKind.BAD_REQUEST, "BUNDLE_TYPE", "只支持 type 为 transaction 的 Bundle");
        }
        List<Observation> observations = new ArrayList<>();
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            if (!(entry.getResource() instanceof Observation observation)
                    || entry.getRequest().getMethod() != Bundle.HTTPVerb.POST
                    || !"Observation".equals(entry.getRequest().getUrl())) {
                throw new BusinessException(ErrorKind.BAD_REQUEST, "BUNDLE_ENTRY",
                        "transaction 的每一条须为 POST Observation");
            }
            observations.add(observation);
        }
        Bundle answer = new Bundle();
        answer.setType(Bundle.BundleType.TRANSACTIONRESPONSE);
        for (HospitalAccess.Stored stored : access.recordAll(caller, observations)) {
            String id = stored.observation().getIdElement().getIdPart();
            Bundle.BundleEntryComponent entry = answer.addEntry().setFullUrl(base(request) + "/Observation/" + id)
                    .setResource(stored.observation());
            entry.getResponse().setStatus(stored.created() ? "201 Created" : "200 OK").setLocation("Observation/" + id);
        }
        return answer;
    }

    /** The search's patient (patient= or subject=, with or without "Patient/"); a 400 without one. */
    private static String patient(HttpServletRequest request) {
        String patient = Optional.ofNullable(request.getParameter("patient")).orElse(request.getParameter("subject"));
        if (patient == null || patient.isBlank()) {
            throw FhirDates.bad("请指定 patient 参数；要取得全部患者的数据，请使用 Bulk Data 导出");
        }
        return patient.startsWith("Patient/") ? patient.substring("Patient/".length()) : patient;
    }

    private void token(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"POST".equals(request.getMethod())
                || !String.valueOf(request.getContentType()).startsWith("application/x-www-form-urlencoded")) {
            sendJson(response, 400, oauthError("invalid_request", "请用 POST application/x-www-form-urlencoded"));
            return;
        }
        try {
            HospitalClients.GrantedToken granted = clients.token(request.getParameter("grant_type"),
                    request.getParameter("client_assertion_type"), request.getParameter("client_assertion"),
                    request.getParameter("scope"), base(request) + "/auth/token");
            sendJson(response, 200, Json.createObjectBuilder().add("access_token", granted.accessToken())
                    .add("token_type", "bearer").add("expires_in", granted.expiresIn()).add("scope", granted.scope()).build());
        } catch (BusinessException e) {
            int status = e.kind() == ErrorKind.UNAUTHENTICATED ? 401 : 400;
            sendJson(response, status, oauthError(e.code(), e.getMessage()));
        }
    }

    /** The hospital client of the request's token; a 401 without one. */
    private HospitalCaller caller(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : null;
        JsonObject claims = tokens.claims(token).orElse(null);
        if (claims == null || !claims.getJsonArray("groups").getValuesAs(JsonString.class).stream()
                .anyMatch(g -> HospitalClients.GROUP.equals(g.getString()))) {
            throw new BusinessException(ErrorKind.UNAUTHENTICATED, "UNAUTHENTICATED",
                    "需要医院接入系统的访问令牌（SMART Backend Services，见 .well-known/smart-configuration）");
        }
        return new HospitalCaller(claims.getString("sub"), claims.getString("hospital"),
                Set.of(claims.getString("scope", "").split(" ")));
    }

    private <T extends IBaseResource> T parse(HttpServletRequest request, Class<T> type) throws IOException {
        String contentType = String.valueOf(request.getContentType());
        if (!contentType.startsWith(FHIR_JSON) && !contentType.startsWith("application/json")) {
            throw new BusinessException(ErrorKind.BAD_REQUEST, "CONTENT_TYPE", "请求体须为 " + FHIR_JSON);
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        if (body.length > MAX_BODY) {
            throw new BusinessException(ErrorKind.BAD_REQUEST, "BODY_TOO_LARGE", "请求体不能超过1MB");
        }
        try {
            IParser parser = fhir().newJsonParser();
            return parser.parseResource(type, new String(body, StandardCharsets.UTF_8));
        } catch (DataFormatException | ClassCastException e) {
            throw new BusinessException(ErrorKind.BAD_REQUEST, "RESOURCE_INVALID", "无法解析的 " + type.getSimpleName()
                    + "：" + e.getMessage());
        }
    }

    private Bundle bundle(HttpServletRequest request, Page<? extends Resource> page) {
        Bundle bundle = new Bundle();
        bundle.setType(Bundle.BundleType.SEARCHSET);
        bundle.setTotal((int) Math.min(page.total(), Integer.MAX_VALUE));
        String self = base(request) + request.getPathInfo();
        bundle.addLink().setRelation("self").setUrl(link(self, request, page.page()));
        if ((long) page.page() * page.size() < page.total()) {
            bundle.addLink().setRelation("next").setUrl(link(self, request, page.page() + 1));
        }
        if (page.page() > 1) {
            bundle.addLink().setRelation("previous").setUrl(link(self, request, page.page() - 1));
        }
        for (Resource resource : page.items()) {
            bundle.addEntry().setFullUrl(base(request) + "/" + resource.fhirType() + "/" + resource.getIdElement().getIdPart())
                    .setResource(resource).getSearch().setMode(Bundle.SearchEntryMode.MATCH);
        }
        return bundle;
    }

    /** The same search on another page (parameters as given, _page replaced). */
    private static String link(String self, HttpServletRequest request, int page) {
        String query = request.getParameterMap().entrySet().stream().filter(e -> !"_page".equals(e.getKey()))
                .flatMap(e -> Arrays.stream(e.getValue()).map(v -> encode(e.getKey()) + "=" + encode(v)))
                .collect(Collectors.joining("&"));
        return self + "?" + (query.isEmpty() ? "" : query + "&") + "_page=" + page;
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static PageRequest page(HttpServletRequest request) {
        int count = integer(request, "_count", DEFAULT_COUNT);
        int page = integer(request, "_page", 1);
        return new PageRequest(page, Math.min(Math.max(count, 1), MAX_COUNT));
    }

    private static int integer(HttpServletRequest request, String name, int otherwise) {
        String value = request.getParameter(name);
        if (value == null) {
            return otherwise;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw FhirDates.bad(name + " 须为整数");
        }
    }

    static void checkParameters(HttpServletRequest request, Set<String> supported) {
        List<String> unknown = request.getParameterMap().keySet().stream().filter(p -> !supported.contains(p)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw FhirDates.bad("不支持的搜索参数: " + String.join(", ", unknown) + "（支持: "
                    + String.join(", ", supported.stream().sorted().toList()) + "）");
        }
    }

    private static List<String> values(HttpServletRequest request, String name) {
        String[] values = request.getParameterValues(name);
        return values == null ? List.of() : List.of(values);
    }

    private static List<String> path(HttpServletRequest request) {
        String info = request.getPathInfo();
        if (info == null || info.equals("/")) {
            return List.of();
        }
        return Arrays.stream(info.substring(1).split("/", -1)).toList();
    }

    /** The FHIR base URL as the hospital reaches it: the configured public address, or the request's. */
    private String base(HttpServletRequest request) {
        String root = publicBaseUrl.filter(url -> !url.isBlank()).map(url -> url.replaceAll("/+$", ""))
                .orElseGet(() -> request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort());
        return root + request.getContextPath() + "/fhir/r4";
    }

    static void refuse(HttpServletResponse response, BusinessException e) throws IOException {
        int status = switch (e.kind()) {
            case BAD_REQUEST -> "METHOD_NOT_ALLOWED".equals(e.code()) ? 405 : 400;
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case GONE -> 410;
            case TOO_MANY_REQUESTS -> 429;
            case UNAVAILABLE -> 503;
        };
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        OperationOutcome.IssueType type = switch (status) {
            case 401 -> OperationOutcome.IssueType.LOGIN;
            case 403 -> OperationOutcome.IssueType.FORBIDDEN;
            case 404, 410 -> OperationOutcome.IssueType.NOTFOUND;
            case 409 -> OperationOutcome.IssueType.CONFLICT;
            case 405 -> OperationOutcome.IssueType.NOTSUPPORTED;
            default -> OperationOutcome.IssueType.INVALID;
        };
        OperationOutcome outcome = outcome(type, e.getMessage());
        outcome.getIssueFirstRep().getDetails().addCoding().setSystem("https://leiming.health/fhir/CodeSystem/error")
                .setCode(e.code());
        send(response, status, outcome);
    }

    static OperationOutcome outcome(OperationOutcome.IssueType type, String text) {
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(type).setDiagnostics(text);
        return outcome;
    }

    static void send(HttpServletResponse response, int status, IBaseResource resource) throws IOException {
        byte[] body = fhir().newJsonParser().encodeResourceToString(resource).getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType(FHIR_JSON + ";charset=UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    static void sendJson(HttpServletResponse response, int status, JsonObject json) throws IOException {
        byte[] body = json.toString().getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("application/json;charset=UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static JsonObject oauthError(String error, String description) {
        String code = Set.of("invalid_request", "invalid_client", "invalid_grant", "invalid_scope", "unsupported_grant_type")
                .contains(error) ? error : "invalid_request";
        return Json.createObjectBuilder().add("error", code).add("error_description", description).build();
    }
}
