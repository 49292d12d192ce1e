package health.leiming.web.health;

import health.leiming.platform.Logs;
import health.leiming.platform.SystemProbe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/** /health/ready reports the database and the broker; /health/live says the application runs. */
@ApplicationScoped
public class ReadinessChecks {

    private static final Logger LOG = Logs.get(ReadinessChecks.class);

    @Inject
    SystemProbe probe;

    @Produces
    @Readiness
    HealthCheck database() {
        return () -> check("database", probe.databaseProblem());
    }

    @Produces
    @Readiness
    HealthCheck broker() {
        return () -> check("broker", probe.brokerProblem());
    }

    @Produces
    @Liveness
    HealthCheck alive() {
        return () -> HealthCheckResponse.up("application");
    }

    /** Down says only "unreachable" to whoever asks; the reason goes to the server log, for the operators. */
    private static HealthCheckResponse check(String name, String problem) {
        if (problem == null) {
            return HealthCheckResponse.up(name);
        }
        LOG.warning(() -> "Readiness: " + name + " is down: " + problem);
        return HealthCheckResponse.named(name).down().withData("error", "unreachable").build();
    }
}
