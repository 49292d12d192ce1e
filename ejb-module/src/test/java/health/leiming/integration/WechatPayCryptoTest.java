package health.leiming.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class WechatPayCryptoTest {

    private static final byte[] API_V3_KEY = "TestApiV3Key0123456789abcdefABCD".getBytes(StandardCharsets.UTF_8);

    @Test
    void theSignedMessageEndsEveryLineWithANewline() {
        assertEquals("POST\n/v3/pay/transactions/jsapi\n1554208460\n593BEC0C930BF1AFEB40B4A08C8FB242\n{}\n",
                WechatPayCrypto.message("POST", "/v3/pay/transactions/jsapi", "1554208460",
                        "593BEC0C930BF1AFEB40B4A08C8FB242", "{}"));
    }

    @Test
    void aSignatureVerifiesOnlyForItsMessageAndKey() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair merchant = generator.generateKeyPair();
        KeyPair other = generator.generateKeyPair();
        String message = WechatPayCrypto.message("1554208460", "nonce", "{\"id\":\"EV-1\"}");
        String signature = WechatPayCrypto.sign(merchant.getPrivate(), message);
        assertTrue(WechatPayCrypto.verify(merchant.getPublic(), message, signature));
        assertFalse(WechatPayCrypto.verify(merchant.getPublic(), message.replace("EV-1", "EV-2"), signature));
        assertFalse(WechatPayCrypto.verify(other.getPublic(), message, signature));
        assertFalse(WechatPayCrypto.verify(merchant.getPublic(), message, "not base64!"));
        assertFalse(WechatPayCrypto.verify(merchant.getPublic(), message, null));
    }

    @Test
    void aResourceDecryptsWithTheApiV3KeyAndRefusesAnyChange() throws GeneralSecurityException {
        String plaintext = "{\"out_trade_no\":\"ORDER202611290001\",\"trade_state\":\"SUCCESS\"}";
        String nonce = "fdasflkja484";
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(API_V3_KEY, "AES"),
                new GCMParameterSpec(128, nonce.getBytes(StandardCharsets.UTF_8)));
        cipher.updateAAD("transaction".getBytes(StandardCharsets.UTF_8));
        String ciphertext = Base64.getEncoder().encodeToString(cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8)));

        assertEquals(plaintext, WechatPayCrypto.decrypt(API_V3_KEY, "transaction", nonce, ciphertext));
        assertThrows(GeneralSecurityException.class,
                () -> WechatPayCrypto.decrypt(API_V3_KEY, "refund", nonce, ciphertext), "other associated data");
        assertThrows(GeneralSecurityException.class,
                () -> WechatPayCrypto.decrypt(API_V3_KEY, "transaction", "fdasflkja485", ciphertext), "other nonce");
        byte[] tampered = Base64.getDecoder().decode(ciphertext);
        tampered[3] ^= 1;
        assertThrows(GeneralSecurityException.class, () -> WechatPayCrypto.decrypt(API_V3_KEY, "transaction", nonce,
                Base64.getEncoder().encodeToString(tampered)), "a changed byte");
        assertThrows(GeneralSecurityException.class, () -> WechatPayCrypto.decrypt(
                "0123456789abcdef0123456789ABCDEF".getBytes(StandardCharsets.UTF_8), "transaction", nonce, ciphertext),
                "another key");
    }
}
