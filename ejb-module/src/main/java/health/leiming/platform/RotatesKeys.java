package health.leiming.platform;

/**
 * A column of encrypted (or keyed-hash) values that KeyRotation brings under the current master key.
 * Each context provides one per column it owns; a batch runs in a transaction of its own.
 */
public interface RotatesKeys {

    /** What is rotated, e.g. "persons.id_card". */
    String column();

    /** Re-encrypts up to max values still under an older key; returns how many (0 when none is left). */
    int rotateBatch(int max);
}
