package health.leiming.web.platform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Completes the OpenAPI document with what every operation shares: the error answers it can give,
 * each with the envelope schema and the errorCode values of that status, so that a front-end team
 * reads them off /openapi instead of guessing. Operations that refuse business cases of their own
 * (a full slot, a wrong SMS code) list those codes too. Registered as mp.openapi.filter.
 */
public class ApiDocumentation implements OASFilter {

    static final String ERROR_SCHEMA = "ErrorEnvelope";

    /** The business errorCodes of operations, by "METHOD /path", added to their status's description. */
    private static final Map<String, Map<String, String>> OWN_CODES = Map.ofEntries(
            Map.entry("POST /api/v1/auth/sms-code", Map.of("400", "PHONE_INVALID, SCENE_INVALID",
                    "429", "SMS_TOO_FREQUENT, SMS_DAILY_LIMIT", "503", "SMS_SEND_FAILED")),
            Map.entry("POST /api/v1/auth/login", Map.of("400",
                    "PHONE_INVALID, SMS_CODE_WRONG, SMS_CODE_EXPIRED, SMS_CODE_INVALID, SMS_CODE_BURNED",
                    "403", "ACCOUNT_DISABLED")),
            Map.entry("POST /api/v1/auth/refresh", Map.of("401", "REFRESH_TOKEN_INVALID, REFRESH_TOKEN_REUSED")),
            Map.entry("POST /api/v1/health/records", Map.of("400", "TYPE_REQUIRED, TYPE_INVALID, VALUE_REQUIRED,"
                    + " DIASTOLIC_REQUIRED, UNIT_INVALID, VALUE_IMPOSSIBLE, GLUCOSE_CONTEXT_INVALID, RECORDED_AT_FUTURE,"
                    + " SOURCE_INVALID", "409", "RECORD_DUPLICATE")),
            Map.entry("PUT /api/v1/health/records/{id}", Map.of("400", "TYPE_CHANGE, VALUE_IMPOSSIBLE, UNIT_INVALID")),
            Map.entry("GET /api/v1/health/trends", Map.of("400", "TYPE_REQUIRED, TYPE_INVALID, PERIOD_INVALID")),
            Map.entry("POST /api/v1/appointments", Map.of("400", "SLOT_INVALID",
                    "409", "SLOT_CLOSED, SLOT_FULL, SLOT_BUSY, BOOKING_DUPLICATE")),
            Map.entry("POST /api/v1/orders/{id}/cancel", Map.of("409", "ORDER_STATE_INVALID")),
            Map.entry("POST /api/v1/orders/{id}/pay", Map.of("400", "OPENID_REQUIRED",
                    "409", "ORDER_NOT_PAYABLE, ORDER_EXPIRED", "503", "PAYMENT_UNAVAILABLE, PAYMENT_REFUSED")),
            Map.entry("POST /api/v1/orders/{id}/review", Map.of("400", "RATING_INVALID, TOO_MANY_TAGS",
                    "409", "REVIEW_EXISTS, ORDER_NOT_COMPLETED")),
            Map.entry("POST /api/v1/persons", Map.of("400", "ID_CARD_INVALID, RELATION_INVALID, GUARDIAN_CONSENT_REQUIRED",
                    "409", "PERSON_DUPLICATE, PERSON_IS_SELF, TOO_MANY_PERSONS")),
            Map.entry("PUT /api/v1/persons/{id}", Map.of("400", "ID_CARD_INVALID, ID_CARD_MISMATCH, RELATION_INVALID, GUARDIAN_CONSENT_REQUIRED",
                    "409", "PERSON_DUPLICATE")),
            Map.entry("PUT /api/v1/health/profile", Map.of("400", "PROFILE_FIELD_CONFLICT")),
            Map.entry("POST /api/v1/staff/tasks/{orderId}/start", Map.of("400", "CHECK_IN_CODE_WRONG",
                    "409", "TOO_EARLY, ORDER_STATE_INVALID")),
            Map.entry("POST /api/v1/orders/{orderId}/chat", Map.of("400", "CHAT_EMPTY, CHAT_TOO_LONG",
                    "403", "CHAT_READ_ONLY", "409", "CHAT_CLOSED")),
            Map.entry("POST /api/v1/admin/orders/{id}/refund", Map.of("400", "REFUND_AMOUNT_INVALID",
                    "409", "ORDER_NOT_COMPLETED, REFUND_EXISTS")),
            Map.entry("POST /api/v1/auth/wechat-login", Map.of("401", "WECHAT_CODE_INVALID", "503", "WECHAT_UNAVAILABLE")),
            Map.entry("POST /api/v1/auth/wechat-phone", Map.of("400",
                    "WECHAT_TICKET_INVALID, WECHAT_TICKET_EXPIRED, PHONE_CODE_INVALID", "409", "WECHAT_ALREADY_LINKED",
                    "503", "WECHAT_UNAVAILABLE")),
            Map.entry("PUT /api/v1/users/me", Map.of("400", "BIRTH_DATE_INVALID")),
            Map.entry("GET /api/v1/orders", Map.of("400", "STATUS_INVALID")),
            Map.entry("POST /api/v1/health/plans", Map.of("400", "PLAN_INVALID, TYPE_INVALID")),
            Map.entry("PUT /api/v1/health/plans/{id}/{action}", Map.of("400", "PLAN_ACTION", "409", "PLAN_STATE, PLAN_ENDED")),
            Map.entry("GET /api/v1/messages", Map.of("400", "MESSAGE_KIND_UNKNOWN")),
            Map.entry("PUT /api/v1/messages/preferences", Map.of("400",
                    "NOTICE_KIND_UNKNOWN, QUIET_HOURS_INVALID, URGENT_ALERTS_REQUIRED")),
            Map.entry("POST /api/v1/messages/subscriptions", Map.of("400", "TEMPLATES_REQUIRED, TEMPLATE_UNKNOWN")),
            Map.entry("POST /api/v1/ai/interpretations", Map.of("400", "INTERPRETATION_INVALID")),
            Map.entry("POST /api/v1/staff/login", Map.of("401", "WECOM_CODE_INVALID", "403", "NOT_STAFF",
                    "503", "WECOM_UNAVAILABLE")),
            Map.entry("POST /api/v1/admin/login", Map.of("401", "LOGIN_FAILED")),
            Map.entry("POST /api/v1/admin/services", Map.of("400", "PRICE_INVALID, DURATION_INVALID, CATEGORY_INVALID")),
            Map.entry("PUT /api/v1/admin/services/{id}", Map.of("400", "PRICE_INVALID, DURATION_INVALID, CATEGORY_INVALID")),
            Map.entry("POST /api/v1/admin/staff", Map.of("400", "WORK_DAYS_INVALID, SERVICE_UNKNOWN, HOSPITAL_UNKNOWN",
                    "409", "WECOM_USER_TAKEN")),
            Map.entry("PUT /api/v1/admin/staff/{id}", Map.of("400", "WORK_DAYS_INVALID, SERVICE_UNKNOWN, HOSPITAL_UNKNOWN",
                    "409", "WECOM_USER_TAKEN")),
            Map.entry("GET /api/v1/admin/members", Map.of("400", "STATUS_INVALID")),
            Map.entry("PUT /api/v1/admin/members/{id}/membership", Map.of("400", "LEVEL_INVALID")),
            Map.entry("GET /api/v1/admin/notifications", Map.of("400", "DELIVERY_STATUS_UNKNOWN")),
            Map.entry("POST /api/v1/admin/notifications/{id}/replay", Map.of("409", "DELIVERY_NOT_DEAD")),
            Map.entry("POST /api/v1/admin/jobs/{job}/start", Map.of("400", "JOB_PARAMETER_INVALID, REPORT_PERIOD_INVALID")),
            Map.entry("POST /api/v1/admin/jobs/schedules/{schedule}/runs", Map.of("409", "SCHEDULED_RUN_TAKEN")),
            Map.entry("POST /api/v1/privacy/consents", Map.of("400", "CONSENT_EMPTY, CONSENT_KIND_UNKNOWN",
                    "409", "CONSENT_VERSION_OUTDATED")),
            Map.entry("DELETE /api/v1/privacy/consents/{kind}", Map.of("400", "CONSENT_KIND_UNKNOWN")),
            Map.entry("POST /api/v1/privacy/deletion", Map.of("400",
                    "SMS_CODE_INVALID, SMS_CODE_WRONG, SMS_CODE_EXPIRED, SMS_CODE_BURNED", "409", "DELETION_BLOCKED")),
            Map.entry("POST /api/v1/privacy/exports", Map.of("409", "EXPORT_IN_PROGRESS", "429", "EXPORT_TOO_FREQUENT")),
            Map.entry("GET /api/v1/privacy/exports/{id}/archive", Map.of("409", "EXPORT_NOT_READY", "410", "EXPORT_EXPIRED")),
            Map.entry("DELETE /api/v1/persons/{id}", Map.of("409", "PERSON_IS_SELF, PERSON_HAS_ORDERS_UNDER_WAY")),
            Map.entry("GET /api/v1/admin/consent-documents", Map.of("400", "CONSENT_KIND_UNKNOWN")),
            Map.entry("POST /api/v1/admin/consent-documents", Map.of("400", "CONSENT_KIND_UNKNOWN",
                    "409", "CONSENT_DOCUMENT_CONFLICT")));

    /** Where members' requests need their consents (RequiresConsent, ConsentGate): 403 CONSENT_REQUIRED. */
    private static final List<String> CONSENT_GATED = List.of("/api/v1/health/", "/api/v1/ai/interpretations",
            "POST /api/v1/persons", "PUT /api/v1/persons/");

    /** The product document's request examples (section 5.3), by "METHOD /path". */
    private static final Map<String, String> EXAMPLES = Map.of(
            "POST /api/v1/auth/sms-code", "{\"phone\": \"13800138000\", \"scene\": \"login\"}",
            "POST /api/v1/auth/login", "{\"phone\": \"13800138000\", \"code\": \"123456\"}",
            "POST /api/v1/health/records", "{\"type\": \"blood_pressure\", \"value\": 120, \"unit\": \"mmHg\","
                    + " \"recordedAt\": \"2023-10-01T08:00:00Z\", \"metadata\": {\"systolic\": 120, \"diastolic\": 80,"
                    + " \"heartRate\": 75}}",
            "POST /api/v1/appointments", "{\"serviceId\": \"service_123\", \"scheduledTime\": \"2023-10-10T09:00:00Z\","
                    + " \"contactPerson\": \"张三\", \"contactPhone\": \"13800138000\", \"notes\": \"需要轮椅辅助\"}");

    /** The product document's answers (section 5.3) in our envelope, by "METHOD /path". */
    private static final Map<String, String> ANSWERS = Map.of(
            "POST /api/v1/auth/sms-code", envelope("{\"expiresIn\": 300}"),
            "POST /api/v1/auth/login", envelope("{\"token\": \"eyJhbGciOiJSUzI1NiJ9...\", \"refreshToken\": \"...\","
                    + " \"expiresIn\": 7200, \"user\": {\"id\": \"user_id\", \"name\": \"张三\","
                    + " \"phone\": \"138****8000\", \"avatar\": \"https://xxx.com/avatar.jpg\"}}"),
            "POST /api/v1/health/records", envelope("{\"id\": \"record_id\", \"type\": \"blood_pressure\", \"value\": 120,"
                    + " \"unit\": \"mmHg\", \"recordedAt\": \"2023-10-01T08:00:00Z\","
                    + " \"indicators\": {\"level\": \"normal\", \"description\": \"血压正常\"}}"),
            "GET /api/v1/health/trends", envelope("{\"statistics\": {\"average\": 118.5, \"max\": 130, \"min\": 110,"
                    + " \"count\": 21}, \"trend\": \"stable\", \"dataPoints\": [{\"date\": \"2023-10-01\", \"value\": 120,"
                    + " \"time\": \"08:00\"}], \"advice\": [{\"level\": \"info\", \"content\": \"血压控制良好,请继续保持\"}]}"),
            "GET /api/v1/appointments/available-slots", envelope("{\"date\": \"2023-10-10\", \"slots\": [{\"time\": \"09:00\","
                    + " \"available\": true}, {\"time\": \"10:00\", \"available\": false, \"reason\": \"已约满\"}]}"),
            "POST /api/v1/appointments", envelope("{\"appointmentId\": \"app_123456\", \"orderNo\": \"ORDER20231010001\","
                    + " \"status\": \"pending\", \"scheduledTime\": \"2023-10-10T09:00:00Z\", \"amount\": 299.00}"));

    private static String envelope(String data) {
        return "{\"success\": true, \"code\": 200, \"message\": \"操作成功\", \"data\": " + data
                + ", \"timestamp\": 1633046400000, \"requestId\": \"req_1234567890\"}";
    }

    /** The operations whose own errorCodes are documented (for the test that each code exists). */
    static Map<String, Map<String, String>> ownCodes() {
        return OWN_CODES;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.components(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema(ERROR_SCHEMA, errorEnvelope());
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations()
                .forEach((method, operation) -> document(method + " " + path, path, operation)));
    }

    private static void document(String key, String path, Operation operation) {
        String example = EXAMPLES.get(key);
        if (example != null && operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
            operation.getRequestBody().getContent().getMediaTypes().values()
                    .forEach(media -> media.example(JsonConfig.JSONB.fromJson(example, Object.class)));
        }
        String answer = ANSWERS.get(key);
        APIResponse ok = operation.getResponses().getAPIResponse("200");
        if (answer != null && ok != null && ok.getContent() != null) {
            ok.getContent().getMediaTypes().values()
                    .forEach(media -> media.example(JsonConfig.JSONB.fromJson(answer, Object.class)));
        }
        if (operation.getResponses() == null) {
            operation.responses(OASFactory.createAPIResponses());
        }
        Map<String, String> errors = new LinkedHashMap<>();
        boolean takesInput = operation.getRequestBody() != null
                || operation.getParameters() != null && !operation.getParameters().isEmpty();
        if (takesInput) {
            errors.put("400", "请求参数不正确: VALIDATION_FAILED (data.fields lists each field at fault and why), UNKNOWN_FIELD (a body field we do not know), BAD_REQUEST, PAGE_INVALID");
        }
        boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        if (secured) {
            errors.put("401", "未登录或登录已过期: UNAUTHENTICATED");
            boolean gated = CONSENT_GATED.stream().anyMatch(prefix -> key.contains(prefix));
            errors.put("403", "无权限或账号已停用: FORBIDDEN, ACCOUNT_DISABLED" + (gated
                    ? "; 未同意隐私政策或单独同意: CONSENT_REQUIRED (data.missing lists {kind, version, title} to accept)" : ""));
        }
        if (path.contains("{")) {
            errors.put("404", "不存在，或不属于调用者: NOT_FOUND (the errorCode names nothing more, on purpose)");
        }
        errors.put("429", "请求过于频繁: RATE_LIMITED (Retry-After says when to try again)");
        errors.put("500", "服务器内部错误: INTERNAL_ERROR (no details, ever)");
        OWN_CODES.getOrDefault(key, Map.of()).forEach((status, codes) ->
                errors.merge(status, "此操作的原因: " + codes, (general, own) -> general + "; " + own));
        errors.forEach((status, description) -> {
            if (!operation.getResponses().hasAPIResponse(status)) {
                operation.getResponses().addAPIResponse(status, error(description));
            }
        });
    }

    private static APIResponse error(String description) {
        Content content = OASFactory.createContent().addMediaType("application/json", OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref(ERROR_SCHEMA)));
        return OASFactory.createAPIResponse().description(description).content(content);
    }

    private static Schema errorEnvelope() {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .description("The envelope of an error answer (docs/api.md): code is the HTTP status, errorCode the reason")
                .addProperty("success", OASFactory.createSchema().type(List.of(Schema.SchemaType.BOOLEAN)).example(false))
                .addProperty("code", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)).example(409))
                .addProperty("message", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))
                        .example("该时段已约满，请选择其他时间"))
                .addProperty("errorCode", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).example("SLOT_FULL"))
                .addProperty("data", OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT, Schema.SchemaType.NULL))
                        .description("On VALIDATION_FAILED: {fields: [{field, message}]}"))
                .addProperty("timestamp", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER))
                        .format("int64").example(1764489600000L))
                .addProperty("requestId", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                .required(List.of("success", "code", "message", "errorCode", "timestamp", "requestId"));
    }
}
