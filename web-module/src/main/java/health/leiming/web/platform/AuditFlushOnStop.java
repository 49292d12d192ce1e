package health.leiming.web.platform;

import health.leiming.platform.AuditQueue;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * A clean stop writes the queued audit entries of reads and refusals (AuditQueue) as the web module
 * stops: after its last request, while the EJB module (and its writer) still runs.
 */
@WebListener
public class AuditFlushOnStop implements ServletContextListener {

    @Inject
    AuditQueue queue;

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        queue.flush();
    }
}
