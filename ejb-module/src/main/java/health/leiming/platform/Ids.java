package health.leiming.platform;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

/** Identifiers and random secrets. Ids are UUID strings, assigned by the application, not the database. */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    private static final java.util.regex.Pattern FORMAT =
            java.util.regex.Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** True for a text in the one format our ids have; anything else names nothing and is refused as unknown. */
    public static boolean isId(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }

    /** A URL-safe random secret of the given number of bytes (for refresh tokens and the like). */
    public static String secret(int bytes) {
        byte[] buffer = new byte[bytes];
        RANDOM.nextBytes(buffer);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer);
    }

    /** A random decimal code of the given length, such as an SMS verification code. */
    public static String digits(int length) {
        StringBuilder code = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            code.append(RANDOM.nextInt(10));
        }
        return code.toString();
    }
}
