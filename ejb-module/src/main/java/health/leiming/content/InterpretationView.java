package health.leiming.content;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** An interpretation as the member sees it, always with the disclaimer. */
public record InterpretationView(String id, String kind, String personId, String interpretation, BigDecimal confidence,
        List<String> suggestions, String interpreter, String disclaimer, boolean read, Instant createdAt) {
}
