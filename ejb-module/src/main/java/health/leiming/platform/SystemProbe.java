package health.leiming.platform;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import java.sql.Connection;
import javax.sql.DataSource;

/** Answers whether the database and the broker can be reached right now (for readiness checks). */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SystemProbe {

    @Resource(lookup = "jdbc/leiming")
    DataSource dataSource;

    @Resource(lookup = "jms/leimingCF")
    ConnectionFactory connectionFactory;

    /** Null when the database answers, else what went wrong. */
    public String databaseProblem() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2) ? null : "connection not valid";
        } catch (Exception e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    /** Null when the broker accepts a session, else what went wrong. */
    public String brokerProblem() {
        try (JMSContext context = connectionFactory.createContext()) {
            context.createTemporaryQueue().delete();
            return null;
        } catch (Exception e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }
}
