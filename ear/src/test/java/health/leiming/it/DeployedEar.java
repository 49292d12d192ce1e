package health.leiming.it;

import java.io.File;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base of the integration tests: Arquillian deploys the EAR this build produced, as is, to the one
 * Liberty server of the suite; the tests then speak HTTP to it (client mode). They exercise exactly
 * what a hospital installs.
 */
@ExtendWith({ArquillianExtension.class, ServerLogOnFailure.class})
abstract class DeployedEar {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        File ear = new File(System.getProperty("leiming.ear", "target/leiming-health.ear"));
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, ear);
    }
}
