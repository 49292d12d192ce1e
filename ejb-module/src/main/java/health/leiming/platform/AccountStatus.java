package health.leiming.platform;

/**
 * Whether the account behind a token may still act. Each context that owns a kind of account
 * (members and admins in member, companions in care) provides one, for the token group it issues;
 * ActiveAccounts asks them, so that a disabled account's tokens stop working at once.
 */
public interface AccountStatus {

    /** The token group this answers for: member, admin or staff. */
    String group();

    /** Whether the account exists and is not disabled. */
    boolean isActive(String subject);
}
