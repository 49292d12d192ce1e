package health.leiming.care;

import jakarta.ejb.ApplicationException;

/** Another booking took the same companion's slot first; the attempt rolls back and is tried again. */
@ApplicationException(rollback = true)
class SlotRaced extends RuntimeException {

    private static final long serialVersionUID = 1L;

    SlotRaced(Throwable cause) {
        super("Slot taken by a concurrent booking", cause);
    }
}
