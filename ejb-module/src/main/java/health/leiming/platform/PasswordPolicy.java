package health.leiming.platform;

import java.util.Locale;

/** What a password of an account on our side (admins, operators) must be. */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;

    private PasswordPolicy() {
    }

    /** At least 12 characters, at least 6 different ones, and not containing the user name. */
    public static boolean acceptable(String password, String username) {
        if (password == null || password.length() < MIN_LENGTH) {
            return false;
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && !username.isBlank() && lower.contains(username.strip().toLowerCase(Locale.ROOT))) {
            return false;
        }
        return password.chars().distinct().count() >= 6;
    }
}
