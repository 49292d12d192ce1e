package health.leiming.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Exports the GaugeSources' figures: read on a background loop (leiming.metrics.gauge-interval, 15 s), never
 * on the scrape, so that a Prometheus scrape costs no query and a slow database cannot stall it. A figure
 * keeps its last value while a read fails (the loop logs that once).
 */
@ApplicationScoped
public class Gauges {

    private static final Logger LOG = Logs.get(Gauges.class);

    @Resource(lookup = "concurrent/leimingScheduler")
    ManagedScheduledExecutorService scheduler;

    @Inject
    Instance<GaugeSource> sources;

    @Inject
    MetricRegistry registry;

    @Inject
    @ConfigProperty(name = "leiming.metrics.gauge-interval", defaultValue = "PT15S")
    Duration interval;

    private final Map<String, Double> values = new ConcurrentHashMap<>();
    private BackgroundLoop loop;

    @PostConstruct
    void init() {
        loop = new BackgroundLoop("Gauges", interval, () -> {
            refresh(Instant.now());
            return false;
        }, LOG);
    }

    void start(@Observes SchemaReady ready) {
        loop.round(); // the figures are there from the first scrape; a failure is logged, not thrown
        loop.start(scheduler);
    }

    @PreDestroy
    void stop() {
        loop.stop();
    }

    /**
     * Reads every source now. One that fails keeps its last figures and does not stop the others; the
     * first failure is then thrown for the loop to log.
     */
    public void refresh(Instant now) {
        RuntimeException failed = null;
        for (GaugeSource source : sources) {
            List<GaugeSource.Reading> readings;
            try {
                readings = source.read(now);
            } catch (RuntimeException e) {
                failed = failed == null ? e : failed;
                continue;
            }
            for (GaugeSource.Reading reading : readings) {
                String key = key(reading);
                if (values.put(key, reading.value()) == null) {
                    Metadata metadata = Metadata.builder().withName(reading.name()).withDescription(reading.description())
                            .withUnit(reading.unit()).build();
                    Tag[] tags = new TreeMap<>(reading.tags()).entrySet().stream()
                            .map(e -> new Tag(e.getKey(), e.getValue())).toArray(Tag[]::new);
                    registry.gauge(metadata, values, v -> v.getOrDefault(key, 0d), tags);
                }
            }
        }
        if (failed != null) {
            throw failed;
        }
    }

    private static String key(GaugeSource.Reading reading) {
        return reading.name() + new TreeMap<>(reading.tags());
    }
}
