package health.leiming.member;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/** Counts registrations (seed: business.user.register), only for registrations that committed. */
@ApplicationScoped
public class RegistrationMetrics {

    private static final Metadata REGISTRATIONS = Metadata.builder()
            .withName("business.user.register")
            .withDescription("用户注册数量 (members registered)")
            .build();

    @Inject
    MetricRegistry registry;

    void registered(@Observes(during = TransactionPhase.AFTER_SUCCESS) MemberService.Registered event) {
        registry.counter(REGISTRATIONS).inc();
    }
}
