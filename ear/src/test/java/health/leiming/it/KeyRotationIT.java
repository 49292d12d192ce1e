package health.leiming.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Key rotation: ID card numbers stored under an older master key (the test server lists it in
 * leiming.crypto.previous-keys) or in the first format still count for the duplicate check, and the
 * rotation command brings them under the current key. The test makes those older ciphertexts itself,
 * from the published scheme (HKDF-SHA256 per purpose, AES-256-GCM with the purpose as associated data).
 */
class KeyRotationIT extends DeployedEar {

    private static final String PURPOSE = "persons.id_card";
    private static final byte[] SALT = "leiming-health/field-keys".getBytes(StandardCharsets.US_ASCII);

    private final Api api = new Api();
    private final Care care = new Care(api);

    private static byte[] hmac(byte[] key, byte[] data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data);
    }

    private static byte[] derive(byte[] master, String info) throws Exception {
        byte[] label = info.getBytes(StandardCharsets.UTF_8);
        return hmac(hmac(SALT, master), ByteBuffer.allocate(label.length + 1).put(label).put((byte) 1).array());
    }

    private static byte[] key(String property) {
        return Base64.getDecoder().decode(System.getProperty(property));
    }

    private static String keyId(byte[] master) throws Exception {
        return HexFormat.of().formatHex(derive(master, "key-id")).substring(0, 8);
    }

    /** A value as a server with this master key stores it (format v2). */
    private static String sealV2(byte[] master, String plain) throws Exception {
        byte[] iv = new byte[12];
        new SecureRandom().nextBytes(iv);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(derive(master, "enc:" + PURPOSE), "AES"),
                new GCMParameterSpec(128, iv));
        cipher.updateAAD(PURPOSE.getBytes(StandardCharsets.UTF_8));
        byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
        return "v2:" + keyId(master) + ":" + Base64.getEncoder().encodeToString(
                ByteBuffer.allocate(12 + sealed.length).put(iv).put(sealed).array());
    }

    /** A value as the first format stored it (v1: AES-GCM under the master key itself, no derivation). */
    private static String sealV1(byte[] master, String plain) throws Exception {
        byte[] iv = new byte[12];
        new SecureRandom().nextBytes(iv);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(master, "AES"), new GCMParameterSpec(128, iv));
        byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
        return "v1:" + Base64.getEncoder().encodeToString(ByteBuffer.allocate(12 + sealed.length).put(iv).put(sealed)
                .array());
    }

    private static String indexV2(byte[] master, String plain) throws Exception {
        return HexFormat.of().formatHex(hmac(derive(master, "index:" + PURPOSE), plain.getBytes(StandardCharsets.UTF_8)));
    }

    private static Connection database() throws SQLException {
        return DriverManager.getConnection(System.getProperty("leiming.it.db-url"),
                System.getProperty("leiming.it.db-user"), System.getProperty("leiming.it.db-password", ""));
    }

    private String addPerson(Api.Session member, String name, String idCard) {
        Api.Reply added = api.post("/api/v1/persons", Json.createObjectBuilder().add("name", name).add("relation", "parent")
                .add("idCard", idCard).build().toString(), member.token());
        assertEquals(200, added.status(), added.raw());
        return added.data().getString("id");
    }

    private static void store(String personId, String cipher, String hash) throws SQLException {
        try (Connection db = database();
             PreparedStatement update = db.prepareStatement(
                     "UPDATE persons SET id_card_cipher = ?, id_card_hash = ? WHERE id = ?")) {
            update.setString(1, cipher);
            update.setString(2, hash);
            update.setString(3, personId);
            assertEquals(1, update.executeUpdate());
        }
    }

    private static String[] stored(String personId) throws SQLException {
        try (Connection db = database();
             PreparedStatement read = db.prepareStatement("SELECT id_card_cipher, id_card_hash FROM persons WHERE id = ?")) {
            read.setString(1, personId);
            try (ResultSet row = read.executeQuery()) {
                assertTrue(row.next());
                return new String[] {row.getString(1), row.getString(2)};
            }
        }
    }

    @Test
    void valuesUnderAnOldKeyStillCountAndAreRotatedToTheCurrentOne() throws Exception {
        byte[] current = key("leiming.it.field-key");
        byte[] old = key("leiming.it.previous-field-key");
        String currentPrefix = "v2:" + keyId(current) + ":";
        Api.Session member = api.login(Api.newPhone());
        String father = "110105194910010015";
        String mother = "110105195002020028";
        String fatherId = addPerson(member, "王建国", father);
        String motherId = addPerson(member, "李秀英", mother);
        assertTrue(stored(fatherId)[0].startsWith(currentPrefix), "new values are under the current key");

        // As an earlier server left them: the father under the old key, the mother in the first format.
        store(fatherId, sealV2(old, father), indexV2(old, father));
        store(motherId, sealV1(current, mother), Hmac.legacy(Base64.getEncoder().encodeToString(current), mother));

        Api.Reply twice = api.post("/api/v1/persons", Json.createObjectBuilder().add("name", "王建国").add("relation",
                "parent").add("idCard", father).build().toString(), member.token());
        assertEquals(409, twice.status(), "the old key's index still finds the father: " + twice.raw());
        assertEquals("PERSON_DUPLICATE", twice.errorCode());

        assertEquals(403, api.post("/api/v1/admin/crypto/rotate", "", member.token()).status(), "admins only");
        Api.Reply rotated = api.post("/api/v1/admin/crypto/rotate", "", care.adminToken());
        assertEquals(200, rotated.status(), rotated.raw());
        assertTrue(rotated.data().getInt(PURPOSE) >= 2, rotated.raw());

        for (String[] row : new String[][] {stored(fatherId), stored(motherId)}) {
            assertTrue(row[0].startsWith(currentPrefix), "re-encrypted under the current key: " + row[0]);
        }
        assertEquals(indexV2(current, father), stored(fatherId)[1], "and indexed under it");
        assertNotEquals(indexV2(old, father), stored(fatherId)[1]);
        assertEquals(409, api.post("/api/v1/persons", Json.createObjectBuilder().add("name", "李秀英").add("relation",
                "parent").add("idCard", mother).build().toString(), member.token()).status(), "still one mother");
        assertEquals(0, api.post("/api/v1/admin/crypto/rotate", "", care.adminToken()).data().getInt(PURPOSE),
                "nothing left the second time");
    }

    /** The first format's index: a plain HMAC-SHA256 keyed with the master key's Base64 text. */
    private static final class Hmac {
        static String legacy(String keyText, String plain) throws Exception {
            return HexFormat.of().formatHex(hmac(keyText.getBytes(StandardCharsets.UTF_8),
                    plain.getBytes(StandardCharsets.UTF_8)));
        }
    }
}
