package health.leiming.platform;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Encrypts sensitive fields at rest (ID card numbers) with AES-256-GCM under the key
 * leiming.crypto.field-key (Base64 of 32 bytes), and gives a keyed hash for finding equal values
 * without decrypting. Stored form: "v1:" + Base64(12-byte IV | ciphertext | tag).
 */
@ApplicationScoped
public class FieldCipher {

    private static final String VERSION = "v1:";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    @ConfigProperty(name = "leiming.crypto.field-key")
    Optional<String> base64Key;

    private SecretKeySpec key;
    private String indexKey;

    @PostConstruct
    void init() {
        indexKey = base64Key.map(String::strip).orElseThrow(() -> new IllegalStateException(
                "Set leiming.crypto.field-key (LEIMING_CRYPTO_FIELD_KEY): Base64 of 32 random bytes"));
        byte[] bytes = Base64.getDecoder().decode(indexKey);
        if (bytes.length != 32) {
            throw new IllegalStateException("leiming.crypto.field-key must be Base64 of 32 bytes (AES-256)");
        }
        key = new SecretKeySpec(bytes, "AES");
    }

    public String encrypt(String plain) {
        if (plain == null) {
            return null;
        }
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return VERSION + Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length)
                    .put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt a field", e);
        }
    }

    public String decrypt(String stored) {
        if (stored == null) {
            return null;
        }
        if (!stored.startsWith(VERSION)) {
            throw new IllegalStateException("Unknown field encryption version");
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(VERSION.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, 12));
            return new String(cipher.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot decrypt a field (wrong key?)", e);
        }
    }

    /** A keyed hash of the value: equal values give equal hashes, and the value cannot be recovered. */
    public String blindIndex(String plain) {
        return plain == null ? null : Hashing.hmacSha256Hex(indexKey, plain);
    }
}
