package health.leiming.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document is what a front-end team builds on: every operation has its context's tag, a
 * one-line summary, its answer's schema, and the error answers it can give in the envelope.
 */
class ApiDocumentIT extends DeployedEar {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    private final Api api = new Api();

    @Test
    void everyOperationHasATagASummaryItsAnswerAndItsErrorsInTheEnvelope() {
        JsonObject paths = api.openApi().getJsonObject("paths");
        List<String> missing = new ArrayList<>();
        int operations = 0;
        for (String path : paths.keySet()) {
            JsonObject item = paths.getJsonObject(path);
            for (String method : item.keySet()) {
                if (!METHODS.contains(method)) {
                    continue;
                }
                operations++;
                String name = method.toUpperCase() + " " + path;
                JsonObject operation = item.getJsonObject(method);
                if (!operation.containsKey("tags") || operation.getJsonArray("tags").isEmpty()) {
                    missing.add(name + ": tag");
                }
                if (operation.getString("summary", "").isBlank()) {
                    missing.add(name + ": summary");
                }
                JsonObject responses = operation.getJsonObject("responses");
                boolean answer = responses.keySet().stream().anyMatch(status -> status.startsWith("2")
                        && (status.equals("204") || responses.getJsonObject(status).containsKey("content")));
                if (!answer) {
                    missing.add(name + ": a 2xx answer with its schema");
                }
                boolean errors = responses.keySet().stream().filter(status -> status.startsWith("4")).anyMatch(status ->
                        responses.getJsonObject(status).toString().contains("#/components/schemas/ErrorEnvelope"));
                if (!errors) {
                    missing.add(name + ": error answers in the envelope");
                }
            }
        }
        assertEquals(List.of(), missing);
        assertTrue(operations >= 95, "all operations are in the document: " + operations);
        // ApiDocumentation lists the own errorCodes of 46 operations by method and path: each must find its operation.
        long withOwnCodes = paths.values().stream().flatMap(item -> item.asJsonObject().entrySet().stream())
                .filter(e -> METHODS.contains(e.getKey()))
                .filter(e -> e.getValue().asJsonObject().getJsonObject("responses").toString().contains("此操作的原因"))
                .count();
        assertEquals(46, withOwnCodes, "every operation ApiDocumentation names exists under that method and path");
    }

    @Test
    void theErrorEnvelopeAndTheBookingsOwnRefusalsAreDocumented() {
        JsonObject document = api.openApi();
        JsonObject envelope = document.getJsonObject("components").getJsonObject("schemas").getJsonObject("ErrorEnvelope");
        for (String field : List.of("success", "code", "message", "errorCode", "data", "timestamp", "requestId")) {
            assertTrue(envelope.getJsonObject("properties").containsKey(field), field);
        }
        JsonObject booking = document.getJsonObject("paths").getJsonObject("/api/v1/appointments").getJsonObject("post");
        String conflict = booking.getJsonObject("responses").getJsonObject("409").getString("description");
        for (String code : List.of("SLOT_FULL", "SLOT_BUSY", "BOOKING_DUPLICATE", "SLOT_CLOSED")) {
            assertTrue(conflict.contains(code), code + " in " + conflict);
        }
        assertEquals("care", booking.getJsonArray("tags").getString(0));
        JsonValue example = booking.getJsonObject("requestBody").getJsonObject("content")
                .getJsonObject("application/json").get("example");
        assertTrue(example != null && example.toString().contains("需要轮椅辅助"), "the product document's example: " + example);
        JsonValue answer = booking.getJsonObject("responses").getJsonObject("200").getJsonObject("content")
                .getJsonObject("application/json").get("example");
        assertTrue(answer != null && answer.toString().contains("ORDER20231010001") && answer.toString().contains("\"code\":200"),
                "the product document's answer, in the envelope: " + answer);
    }
}
