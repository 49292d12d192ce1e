package health.leiming.member;

import health.leiming.platform.Logs;
import health.leiming.platform.SchemaReady;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/** Creates the first admin at startup on an installation that has none. */
@ApplicationScoped
public class FirstAdmin {

    private static final Logger LOG = Logs.get(FirstAdmin.class);

    @Inject
    AdminAuth admins;

    void create(@Observes SchemaReady ready) {
        try {
            admins.ensureFirstAdmin();
        } catch (EJBException e) {
            // Another server of the installation created it at the same moment.
            LOG.info(() -> "First admin not created here: " + e.getMessage());
        }
    }
}
