package health.leiming.wecom;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * WeCom's callback cryptography: the SHA-1 signature over the sorted token, timestamp, nonce and
 * ciphertext; AES-256-CBC with the key decoded from the 43-character EncodingAESKey and the key's
 * first 16 bytes as IV, PKCS#7 padding to 32 bytes; the plaintext is 16 random bytes, the message
 * length (4 bytes, network order), the message, and the receive id (the corp id).
 */
public final class WecomCrypto {

    private static final int BLOCK = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key;

    public WecomCrypto(String encodingAesKey) {
        if (encodingAesKey == null || encodingAesKey.length() != 43) {
            throw new IllegalArgumentException("The EncodingAESKey has 43 characters");
        }
        this.key = Base64.getDecoder().decode(encodingAesKey + "=");
    }

    /** The msg_signature: SHA-1 (hex) of the four values sorted and joined. */
    public static String signature(String token, String timestamp, String nonce, String encrypted) {
        String[] parts = {token, timestamp, nonce, encrypted};
        Arrays.sort(parts);
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            return HexFormat.of().formatHex(sha1.digest(String.join("", parts).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Constant-time comparison of a received signature with the expected one. */
    public static boolean signatureMatches(String expected, String received) {
        return received != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                received.strip().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    public Envelope decrypt(String encryptedBase64) {
        byte[] plain;
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(key, 0, 16));
            plain = cipher.doFinal(Base64.getDecoder().decode(encryptedBase64));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Not a WeCom ciphertext", e);
        }
        int pad = plain.length == 0 ? 0 : plain[plain.length - 1] & 0xff;
        if (pad < 1 || pad > BLOCK || pad > plain.length) {
            throw new IllegalArgumentException("Bad padding");
        }
        int end = plain.length - pad;
        if (end < 20) {
            throw new IllegalArgumentException("Too short");
        }
        int length = ByteBuffer.wrap(plain, 16, 4).getInt();
        if (length < 0 || 20 + length > end) {
            throw new IllegalArgumentException("Bad message length");
        }
        String message = new String(plain, 20, length, StandardCharsets.UTF_8);
        String receiveId = new String(plain, 20 + length, end - 20 - length, StandardCharsets.UTF_8);
        return new Envelope(message, receiveId);
    }

    public String encrypt(String message, String receiveId) {
        byte[] text = message.getBytes(StandardCharsets.UTF_8);
        byte[] receiver = receiveId.getBytes(StandardCharsets.UTF_8);
        int unpadded = 16 + 4 + text.length + receiver.length;
        int pad = BLOCK - unpadded % BLOCK;
        ByteBuffer buffer = ByteBuffer.allocate(unpadded + pad);
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        buffer.put(random).putInt(text.length).put(text).put(receiver);
        while (buffer.hasRemaining()) {
            buffer.put((byte) pad);
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(key, 0, 16));
            return Base64.getEncoder().encodeToString(cipher.doFinal(buffer.array()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A decrypted message and the id it was sent to. */
    public record Envelope(String message, String receiveId) {
    }
}
