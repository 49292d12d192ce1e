package health.leiming.web.health;

import health.leiming.platform.SystemProbe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/** /health/ready reports the database and the broker; /health/live says the application runs. */
@ApplicationScoped
public class ReadinessChecks {

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

    private static HealthCheckResponse check(String name, String problem) {
        return problem == null
                ? HealthCheckResponse.up(name)
                : HealthCheckResponse.named(name).down().withData("error", problem).build();
    }
}
