package health.leiming.platform;

/** Small rules for text that arrives from forms. */
public final class Text {

    private Text() {
    }

    /** The value without surrounding blanks, or null when nothing is left (an empty field means "none"). */
    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
