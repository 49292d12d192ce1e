package health.leiming.platform;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a password of an account on our side (admins, operators) must be: at least 12 characters, at
 * least 6 different ones, not containing the user name, and not among the 10,000 most common passwords
 * (the ranked list nbvcxz ships as dictionaries/passwords.txt, compared without case).
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    static final int COMMON = 10_000;
    private static final String LIST = "dictionaries/passwords.txt";

    private PasswordPolicy() {
    }

    public static boolean acceptable(String password, String username) {
        if (password == null || password.length() < MIN_LENGTH) {
            return false;
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && !username.isBlank() && lower.contains(username.strip().toLowerCase(Locale.ROOT))) {
            return false;
        }
        return password.chars().distinct().count() >= 6 && !Common.PASSWORDS.contains(lower);
    }

    /** The common passwords, read once, on first use. */
    private static final class Common {
        static final Set<String> PASSWORDS = load();

        private static Set<String> load() {
            Set<String> words = new HashSet<>();
            try (InputStream in = PasswordPolicy.class.getClassLoader().getResourceAsStream(LIST)) {
                if (in == null) {
                    throw new IllegalStateException("The common-password list " + LIST + " is missing");
                }
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                String line;
                while (words.size() < COMMON && (line = reader.readLine()) != null) {
                    if (!line.isBlank()) {
                        words.add(line.strip().toLowerCase(Locale.ROOT));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Set.copyOf(words);
        }
    }
}
