package health.leiming.platform;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Field encryption and keyed hashes, all from one master key (leiming.crypto.field-key, Base64 of 32
 * bytes). Each purpose (a table's column: "persons.id_card", "deliveries.address", ...) gets its own
 * key, derived with HKDF-SHA256 (RFC 5869); a ciphertext is AES-256-GCM with the purpose as associated
 * data, so it cannot be moved to another column, and names the master key it was made under:
 * "v2:" + key id + ":" + Base64(12-byte IV | ciphertext | tag).
 *
 * <p>Rotation: set the new master key as leiming.crypto.field-key and the old one in
 * leiming.crypto.previous-keys; everything still reads, and KeyRotation re-encrypts what was made
 * under an old key. Values of the first format ("v1:", AES-GCM directly under the master key, before
 * derivation) are read too and rotated the same way.
 */
@ApplicationScoped
public class FieldCipher {

    static final String V1 = "v1:";
    static final String V2 = "v2:";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] SALT = "leiming-health/field-keys".getBytes(StandardCharsets.US_ASCII);

    @Inject
    @ConfigProperty(name = "leiming.crypto.field-key")
    Optional<String> base64Key;

    @Inject
    @ConfigProperty(name = "leiming.crypto.previous-keys")
    Optional<List<String>> previousKeys;

    private MasterKey current;
    /** Every master key that still reads, the current one first, by key id. */
    private final Map<String, MasterKey> keys = new LinkedHashMap<>();

    /** One master key: its id, the HKDF pseudo-random key for deriving, and its Base64 text (format v1). */
    private record MasterKey(String id, byte[] prk, byte[] raw, String base64, Map<String, byte[]> derived) {

        static MasterKey of(String base64) {
            byte[] raw = Base64.getDecoder().decode(base64.strip());
            if (raw.length != 32) {
                throw new IllegalStateException("A field key must be Base64 of 32 bytes (AES-256)");
            }
            byte[] prk = hmac(SALT, raw);
            return new MasterKey(HexFormat.of().formatHex(expand(prk, "key-id")).substring(0, 8), prk, raw,
                    base64.strip(), new ConcurrentHashMap<>());
        }

        /** The key for one purpose, derived once (every encryption, index and seal asks for it). */
        byte[] derive(String purpose) {
            return derived.computeIfAbsent(purpose, p -> expand(prk, p));
        }
    }

    @PostConstruct
    void init() {
        current = MasterKey.of(base64Key.map(String::strip).filter(k -> !k.isEmpty()).orElseThrow(
                () -> new IllegalStateException("Set leiming.crypto.field-key (LEIMING_CRYPTO_FIELD_KEY): Base64 of 32 random bytes")));
        keys.put(current.id(), current);
        for (String old : previousKeys.orElse(List.of())) {
            if (!old.isBlank()) {
                MasterKey key = MasterKey.of(old);
                keys.putIfAbsent(key.id(), key);
            }
        }
    }

    /** The id of the master key new values are encrypted under. */
    public String currentKeyId() {
        return current.id();
    }

    /** The prefix of values under the current key, for queries that find the others (KeyRotation). */
    public String currentPrefix() {
        return V2 + current.id() + ":";
    }

    public String encrypt(String purpose, String plain) {
        if (plain == null) {
            return null;
        }
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(current.derive("enc:" + purpose), "AES"),
                    new GCMParameterSpec(128, iv));
            cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return currentPrefix() + Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length)
                    .put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt a field", e);
        }
    }

    /**
     * A value of a column that became encrypted after rows were written: decrypted when it is encrypted,
     * as it is when it was stored before (KeyRotation encrypts those, see {@link #isEncrypted}).
     */
    public String readable(String purpose, String stored) {
        return isEncrypted(stored) ? decrypt(purpose, stored) : stored;
    }

    /** Whether a stored value is in one of our encrypted formats (not a value written in clear before). */
    public static boolean isEncrypted(String stored) {
        return stored != null && (stored.startsWith(V2) || stored.startsWith(V1));
    }

    public String decrypt(String purpose, String stored) {
        if (stored == null) {
            return null;
        }
        try {
            if (stored.startsWith(V2)) {
                int colon = stored.indexOf(':', V2.length());
                MasterKey key = colon < 0 ? null : keys.get(stored.substring(V2.length(), colon));
                if (key == null) {
                    throw new IllegalStateException("A field was encrypted under a key this server does not have"
                            + " (add it to leiming.crypto.previous-keys)");
                }
                byte[] all = Base64.getDecoder().decode(stored.substring(colon + 1));
                Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
                cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key.derive("enc:" + purpose), "AES"),
                        new GCMParameterSpec(128, all, 0, 12));
                cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
                return new String(cipher.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
            }
            if (stored.startsWith(V1)) {
                return decryptV1(stored);
            }
            throw new IllegalStateException("Unknown field encryption version");
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("Cannot decrypt a field (wrong key or wrong column?)", e);
        }
    }

    private String decryptV1(String stored) throws GeneralSecurityException {
        byte[] all = Base64.getDecoder().decode(stored.substring(V1.length()));
        GeneralSecurityException last = null;
        for (MasterKey key : keys.values()) {
            try {
                Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
                cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key.raw(), "AES"), new GCMParameterSpec(128, all, 0, 12));
                return new String(cipher.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
            } catch (GeneralSecurityException e) {
                last = e;
            }
        }
        throw last;
    }

    /** A keyed hash of the value for this purpose, under the current key: equal values, equal hashes. */
    public String blindIndex(String purpose, String plain) {
        return plain == null ? null : HexFormat.of().formatHex(hmac(current.derive("index:" + purpose),
                plain.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Every hash the value may be stored under while keys rotate: under each master key that reads, and
     * the first format's (a plain HMAC keyed with the master key's text). Lookups match any of them.
     */
    public List<String> blindIndexes(String purpose, String plain) {
        Set<String> all = new LinkedHashSet<>();
        for (MasterKey key : keys.values()) {
            all.add(HexFormat.of().formatHex(hmac(key.derive("index:" + purpose), plain.getBytes(StandardCharsets.UTF_8))));
            all.add(Hashing.hmacSha256Hex(key.base64(), plain));
        }
        return new ArrayList<>(all);
    }

    /**
     * A keyed hash for one purpose (the audit chain): only a holder of the server's key can make one, so
     * whoever can write to the database cannot forge it.
     */
    public String mac(String purpose, String value) {
        return HexFormat.of().formatHex(hmac(current.derive("mac:" + purpose), value.getBytes(StandardCharsets.UTF_8)));
    }

    /** Whether the hash was made by mac() under any master key that still reads. */
    public boolean macMatches(String purpose, String value, String mac) {
        if (mac == null) {
            return false;
        }
        for (MasterKey key : keys.values()) {
            byte[] expected = HexFormat.of().formatHex(hmac(key.derive("mac:" + purpose),
                    value.getBytes(StandardCharsets.UTF_8))).getBytes(StandardCharsets.US_ASCII);
            if (MessageDigest.isEqual(expected, mac.getBytes(StandardCharsets.US_ASCII))) {
                return true;
            }
        }
        return false;
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is missing", e);
        }
    }

    /** HKDF-Expand for one block (32 bytes): HMAC(PRK, info | 0x01). */
    private static byte[] expand(byte[] prk, String info) {
        byte[] label = info.getBytes(StandardCharsets.UTF_8);
        return hmac(prk, ByteBuffer.allocate(label.length + 1).put(label).put((byte) 1).array());
    }
}
