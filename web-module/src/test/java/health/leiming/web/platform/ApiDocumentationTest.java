package health.leiming.web.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The errorCodes the OpenAPI document promises for particular operations are ones the code can answer. */
class ApiDocumentationTest {

    @Test
    void everyDocumentedErrorCodeIsRaisedSomewhere() throws IOException {
        String sources;
        try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src/main/java")),
                Files.walk(Path.of("../ejb-module/src/main/java")))) {
            sources = files.filter(f -> f.toString().endsWith(".java")).map(f -> {
                try {
                    return Files.readString(f);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).collect(Collectors.joining("\n"));
        }
        List<String> unknown = new ArrayList<>();
        ApiDocumentation.ownCodes().forEach((operation, byStatus) -> byStatus.values().forEach(codes ->
                Arrays.stream(codes.split(",\\s*")).filter(code -> !sources.contains("\"" + code + "\""))
                        .forEach(code -> unknown.add(operation + ": " + code))));
        assertEquals(List.of(), unknown);
    }
}
