package health.leiming.order;

import jakarta.annotation.Resource;
import jakarta.ejb.ApplicationException;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Order numbers in the seed's style, ORDER + business date + a sequence of the day
 * (ORDER202611290001), unique across servers: the day's counter is a database row, taken under its
 * lock in a short transaction of its own (a booking that fails later leaves a gap, never a duplicate).
 */
@Stateless
public class OrderNumbers {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    @PersistenceContext(unitName = "leiming")
    EntityManager em;

    @Resource
    SessionContext session;

    @Inject
    @ConfigProperty(name = "leiming.business-zone", defaultValue = "Asia/Shanghai")
    ZoneId zone;

    public String next(Instant now) {
        String day = LocalDate.ofInstant(now, zone).format(DAY);
        OrderNumbers self = session.getBusinessObject(OrderNumbers.class);
        try {
            return format(day, self.take(day));
        } catch (CounterRaced e) {
            // Two bookings started the day's counter at the same moment; the row exists now.
            return format(day, self.take(day));
        }
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public long take(String day) {
        OrderSequence sequence = em.find(OrderSequence.class, day, LockModeType.PESSIMISTIC_WRITE);
        if (sequence == null) {
            sequence = new OrderSequence(day);
            em.persist(sequence);
        }
        long number = sequence.next();
        try {
            em.flush();
        } catch (PersistenceException e) {
            throw new CounterRaced(e);
        }
        return number;
    }

    /** The day's counter row was created by another transaction first. */
    @ApplicationException(rollback = true)
    static class CounterRaced extends RuntimeException {

        private static final long serialVersionUID = 1L;

        CounterRaced(Throwable cause) {
            super("Order number counter created concurrently", cause);
        }
    }

    static String format(String day, long number) {
        return "ORDER" + day + String.format("%04d", number);
    }
}
