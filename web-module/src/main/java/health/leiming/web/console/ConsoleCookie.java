package health.leiming.web.console;

import health.leiming.platform.RunMode;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.annotation.WebListener;

/**
 * The session cookie of the console and the staff page is HttpOnly and SameSite=Lax (web.xml), and Secure outside
 * development mode: a hospital serves the console over HTTPS (at its proxy), and the cookie must
 * never travel in clear there.
 */
@WebListener
public class ConsoleCookie implements ServletContextListener {

    @Inject
    RunMode mode;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        SessionCookieConfig cookie = event.getServletContext().getSessionCookieConfig();
        cookie.setSecure(!mode.development());
    }
}
