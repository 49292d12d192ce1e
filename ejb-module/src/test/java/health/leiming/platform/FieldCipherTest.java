package health.leiming.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FieldCipherTest {

    private static String key(byte fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, fill);
        return Base64.getEncoder().encodeToString(key);
    }

    private static FieldCipher cipher(byte fill, byte... previous) {
        FieldCipher cipher = new FieldCipher();
        cipher.base64Key = Optional.of(key(fill));
        List<String> old = new java.util.ArrayList<>();
        for (byte p : previous) {
            old.add(key(p));
        }
        cipher.previousKeys = Optional.of(old);
        cipher.init();
        return cipher;
    }

    @Test
    void encryptsWithAFreshIvAndDecryptsBack() {
        FieldCipher cipher = cipher((byte) 1);
        String a = cipher.encrypt("persons.id_card", "11010519491231002X");
        String b = cipher.encrypt("persons.id_card", "11010519491231002X");
        assertNotEquals(a, b, "the same value encrypts differently each time");
        assertFalse(a.contains("11010519491231002X"));
        assertTrue(a.startsWith("v2:" + cipher.currentKeyId() + ":"), a);
        assertEquals("11010519491231002X", cipher.decrypt("persons.id_card", a));
        assertEquals(cipher.blindIndex("persons.id_card", "11010519491231002X"),
                cipher.blindIndex("persons.id_card", "11010519491231002X"));
    }

    @Test
    void eachPurposeHasItsOwnKeyAndACiphertextCannotMoveToAnotherColumn() {
        FieldCipher cipher = cipher((byte) 1);
        String idCard = cipher.encrypt("persons.id_card", "11010519491231002X");
        assertThrows(IllegalStateException.class, () -> cipher.decrypt("deliveries.address", idCard));
        assertNotEquals(cipher.blindIndex("persons.id_card", "x"), cipher.blindIndex("alerts.number", "x"));
    }

    @Test
    void anotherKeyCannotDecrypt() {
        String sealed = cipher((byte) 1).encrypt("persons.id_card", "secret");
        assertThrows(IllegalStateException.class, () -> cipher((byte) 2).decrypt("persons.id_card", sealed));
    }

    @Test
    void afterARotationTheOldKeyStillReadsAndItsIndexesStillMatch() {
        FieldCipher before = cipher((byte) 1);
        String sealed = before.encrypt("persons.id_card", "secret");
        String index = before.blindIndex("persons.id_card", "secret");
        FieldCipher after = cipher((byte) 2, (byte) 1);
        assertEquals("secret", after.decrypt("persons.id_card", sealed));
        assertFalse(sealed.startsWith(after.currentPrefix()), "under the old key");
        assertTrue(after.blindIndexes("persons.id_card", "secret").contains(index));
        assertTrue(after.encrypt("persons.id_card", "secret").startsWith(after.currentPrefix()));
        assertTrue(after.macMatches("audit", "entry", before.mac("audit", "entry")), "old seals still verify");
        assertFalse(cipher((byte) 3).macMatches("audit", "entry", before.mac("audit", "entry")));
    }
}
