package health.leiming.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FieldCipherTest {

    private static FieldCipher cipher(byte fill) {
        FieldCipher cipher = new FieldCipher();
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, fill);
        cipher.base64Key = Optional.of(Base64.getEncoder().encodeToString(key));
        cipher.init();
        return cipher;
    }

    @Test
    void encryptsWithAFreshIvAndDecryptsBack() {
        FieldCipher cipher = cipher((byte) 1);
        String a = cipher.encrypt("11010519491231002X");
        String b = cipher.encrypt("11010519491231002X");
        assertNotEquals(a, b, "the same value encrypts differently each time");
        assertFalse(a.contains("11010519491231002X"));
        assertEquals("11010519491231002X", cipher.decrypt(a));
        assertEquals(cipher.blindIndex("11010519491231002X"), cipher.blindIndex("11010519491231002X"));
    }

    @Test
    void anotherKeyCannotDecrypt() {
        String sealed = cipher((byte) 1).encrypt("secret");
        assertThrows(IllegalStateException.class, () -> cipher((byte) 2).decrypt(sealed));
    }
}
