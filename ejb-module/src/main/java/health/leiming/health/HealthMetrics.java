package health.leiming.health;

import health.leiming.platform.SchemaReady;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Counts readings stored (seed: business.health.record), by type and source (manual, device, hospital),
 * only for those whose transaction committed: leiming_health_records_total at /metrics.
 */
@ApplicationScoped
public class HealthMetrics {

    private static final Metadata RECORDS = Metadata.builder().withName("leiming.health.records")
            .withDescription("健康记录数量 (readings stored, by type and source)").build();

    @Inject
    MetricRegistry registry;

    /** Every type and source from 0 at start, so that a rule or a graph finds each series before its first reading. */
    void start(@Observes SchemaReady ready) {
        for (MeasurementType type : MeasurementType.values()) {
            for (HealthRecord.Source source : HealthRecord.Source.values()) {
                registry.counter(RECORDS, new Tag("type", type.name()), new Tag("source", source.name()));
            }
        }
    }

    void stored(@Observes(during = TransactionPhase.AFTER_SUCCESS) Stored reading) {
        registry.counter(RECORDS, new Tag("type", reading.type().name()), new Tag("source", reading.source())).inc();
    }

    /** A reading was stored (fired in its transaction). */
    public record Stored(MeasurementType type, String source) {
    }
}
