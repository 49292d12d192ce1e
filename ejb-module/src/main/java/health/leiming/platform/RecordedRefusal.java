package health.leiming.platform;

import jakarta.ejb.ApplicationException;

/**
 * A refusal whose bookkeeping must still commit: a wrong SMS code counts as an attempt, a replayed
 * refresh token revokes its family. The transaction commits, then the caller gets the error.
 */
@ApplicationException(rollback = false)
public class RecordedRefusal extends BusinessException {

    private static final long serialVersionUID = 1L;

    public RecordedRefusal(ErrorKind kind, String code, String message) {
        super(kind, code, message);
    }
}
