package health.leiming.health;

import jakarta.ejb.ApplicationException;

/**
 * A person's stored data cannot be read (a record whose values no longer make a valid reading, say).
 * The report job skips that person, records why, and goes on with the others.
 */
@ApplicationException(rollback = false) // the job skips the person; the chunk's transaction goes on
public class UnreadableHealthData extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnreadableHealthData(String message, Throwable cause) {
        super(message, cause);
    }
}
