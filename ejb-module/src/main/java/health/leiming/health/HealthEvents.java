package health.leiming.health;

import health.leiming.platform.events.BusinessEvent;
import health.leiming.platform.events.EventCatalog;
import health.leiming.platform.events.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** The business events the health context raises. */
@ApplicationScoped
public class HealthEvents implements EventCatalog {

    @Override
    public List<Class<? extends BusinessEvent>> events() {
        return List.of(RiskAlertRaised.class, ReportReady.class);
    }

    /**
     * A reading the guidelines call dangerous: the member is told at once (and, for urgent ones, by
     * SMS with the emergency contact). The level and its description are the guideline's words.
     */
    @EventType("health.risk-alert")
    public record RiskAlertRaised(String memberId, String personId, String recordId, MeasurementType type,
            String level, String description, Instant recordedAt) implements BusinessEvent {
        @Override
        public String aggregateId() {
            return personId;
        }
    }

    /** A person's periodic report was stored (new or regenerated); periodLabel is e.g. "2026年11月月报". */
    @EventType("health.report-ready")
    public record ReportReady(String reportId, String memberId, String personId, ReportPeriod.Type periodType,
            String periodLabel, int risks) implements BusinessEvent {
        @Override
        public String aggregateId() {
            return reportId;
        }
    }
}
