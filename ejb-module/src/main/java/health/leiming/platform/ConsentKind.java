package health.leiming.platform;

/**
 * What a member consents to (PIPL arts. 14, 29-31): the privacy policy and the separate consents for
 * sensitive personal information. The documents and the member's answers belong to the privacy context;
 * the kinds are shared so that any context can ask {@link Consents} whether it may go on.
 */
public enum ConsentKind {
    /** The privacy policy: needed for anything beyond signing in. */
    privacy_policy,
    /** Health data of the member and of the family members they add. */
    health_data,
    /** ID card numbers. */
    id_card,
    /** Adding family members (and, for a child under 14, the guardian's consent). */
    family_data,
    /** Sending readings to an AI model where one is configured; optional (rules only without it). */
    ai_model;

    /**
     * Needed before the service can be used for what it is for (recording and reading health data); the
     * others are asked for when their processing is (a family member, an ID card number, the model).
     */
    public boolean essential() {
        return this == privacy_policy || this == health_data;
    }

    /** The kind named in a request, or null when there is none of that name. */
    public static ConsentKind named(String name) {
        for (ConsentKind kind : values()) {
            if (kind.name().equals(name)) {
                return kind;
            }
        }
        return null;
    }
}
