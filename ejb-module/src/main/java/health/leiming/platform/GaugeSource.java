package health.leiming.platform;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Figures an operator watches that live in the database (the outbox backlog, dead letters): a context
 * offers them as an EJB implementing this, and Gauges reads every source every few seconds and exports the
 * figures at /metrics. Each figure is read in one query; a source answers the same names every time.
 */
public interface GaugeSource {

    List<Reading> read(Instant now);

    /** A figure: its metric name (dotted, like leiming.outbox.pending), description, unit, tags and value. */
    record Reading(String name, String description, String unit, Map<String, String> tags, double value) {
    }
}
