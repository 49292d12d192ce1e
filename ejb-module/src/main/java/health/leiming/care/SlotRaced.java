package health.leiming.care;

import jakarta.ejb.ApplicationException;

/** Another booking took the same companion's slot (or row) first; the attempt rolls back and is tried again. */
@ApplicationException(rollback = true)
public class SlotRaced extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SlotRaced(Throwable cause) {
        super("Slot taken by a concurrent booking", cause);
    }
}
