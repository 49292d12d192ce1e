package health.leiming.care;

import health.leiming.member.MemberService;
import health.leiming.member.PhoneNumber;
import health.leiming.platform.SchemaReady;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sample data for trying the product on a fresh machine (the README's run command turns it on):
 * the member 13800138000 (张三), registered like any member, so a welcome message waits for them, and
 * a small catalog (three services, a hospital with two departments, three companions). Here in care,
 * the highest context whose data it creates.
 */
@ApplicationScoped
public class SampleData {

    public static final String SAMPLE_PHONE = "13800138000";

    @Inject
    @ConfigProperty(name = "leiming.sample-data.enabled", defaultValue = "false")
    boolean enabled;

    @Inject
    MemberService members;

    @Inject
    Catalog catalog;

    void load(@Observes SchemaReady ready) {
        if (enabled) {
            members.ensureSampleMember(new PhoneNumber(SAMPLE_PHONE), "张三");
            catalog.ensureSampleCatalog();
        }
    }
}
