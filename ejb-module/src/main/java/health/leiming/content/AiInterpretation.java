package health.leiming.content;

import health.leiming.platform.Ids;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A stored interpretation (seed: ai_interpretations): the values read, the answer, who gave it. */
@Entity
@Table(name = "ai_interpretations")
public class AiInterpretation {

    private static final class Json {
        static final Jsonb B = JsonbBuilder.create();
    }

    @Id
    private String id;

    @Column(name = "user_id", nullable = false)
    private String userId;

    @Column(name = "person_id")
    private String personId;

    @Column(name = "report_type", nullable = false)
    private String kind;

    @Column(name = "original_data", nullable = false)
    private String originalData;

    @Column(nullable = false)
    private String interpretation;

    @Column(name = "confidence_score", nullable = false, precision = 5, scale = 4)
    private BigDecimal confidence;

    @Column(nullable = false)
    private String suggestions;

    @Column(nullable = false)
    private String interpreter;

    @Column(name = "is_read", nullable = false)
    private boolean read;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected AiInterpretation() {
    }

    AiInterpretation(String userId, String personId, Findings findings, Interpretation answer, Instant now) {
        this.id = Ids.newId();
        this.userId = userId;
        this.personId = personId;
        this.kind = findings.kind();
        this.originalData = Json.B.toJson(findings);
        this.interpretation = answer.text();
        this.confidence = answer.confidence();
        this.suggestions = Json.B.toJson(answer.suggestions());
        this.interpreter = answer.interpreter();
        this.createdAt = now;
    }

    boolean belongsTo(String memberId) {
        return userId.equals(memberId);
    }

    void markRead() {
        read = true;
    }

    @SuppressWarnings("unchecked")
    InterpretationView view() {
        List<String> list = Json.B.fromJson(suggestions, new ArrayList<String>() { }.getClass().getGenericSuperclass());
        return new InterpretationView(id, kind, personId, interpretation, confidence, list, interpreter,
                Interpretation.DISCLAIMER, read, createdAt);
    }
}
