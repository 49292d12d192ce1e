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
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
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
        return indexV2(master, PURPOSE, plain);
    }

    private static String indexV2(byte[] master, String purpose, String plain) throws Exception {
        return HexFormat.of().formatHex(hmac(derive(master, "index:" + purpose), plain.getBytes(StandardCharsets.UTF_8)));
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
        // Rotated by this call, or by the run the server starts a second after each deployment, which may
        // meet this test (both are KeyRotation.rotate): what counts is that none is left under the old key.
        assertTrue(rotated.data().containsKey(PURPOSE), rotated.raw());

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

    private static String[] row(String sql, String id) throws SQLException {
        try (Connection db = database(); PreparedStatement read = db.prepareStatement(sql)) {
            read.setString(1, id);
            try (ResultSet row = read.executeQuery()) {
                assertTrue(row.next());
                String[] values = new String[row.getMetaData().getColumnCount()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = row.getString(i + 1);
                }
                return values;
            }
        }
    }

    private static void insert(Connection db, String sql, Object... values) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                insert.setObject(i + 1, values[i]);
            }
            assertEquals(1, insert.executeUpdate(), sql);
        }
    }

    @Test
    void phoneNumbersAreEncryptedAtRestAndThoseStoredInClearBeforeAreEncryptedByTheRotation() throws Exception {
        byte[] current = key("leiming.it.field-key");
        String currentPrefix = "v2:" + keyId(current) + ":";
        String phone = Api.newPhone();
        String motherPhone = Api.newPhone();
        Api.Session member = api.login(phone);
        Api.Reply added = api.post("/api/v1/persons", Json.createObjectBuilder().add("name", "赵桂兰").add("relation",
                "parent").add("phone", motherPhone).build().toString(), member.token());
        assertEquals(200, added.status(), added.raw());
        String motherId = added.data().getString("id");

        String users = "SELECT phone, phone_cipher, phone_hash FROM users WHERE id = ?";
        String persons = "SELECT phone, phone_cipher FROM persons WHERE id = ?";
        String[] stored = row(users, member.memberId());
        assertEquals(null, stored[0], "no phone in clear");
        assertTrue(stored[1].startsWith(currentPrefix) && !stored[1].contains(phone.substring(3)), stored[1]);
        assertEquals(indexV2(current, "users.phone", phone), stored[2], "the blind index login looks up");
        stored = row(persons, motherId);
        assertEquals(null, stored[0]);
        assertTrue(stored[1].startsWith(currentPrefix), stored[1]);
        String contactPhone = Api.newPhone();
        Api.Reply profile = api.put("/api/v1/health/profile?personId=" + motherId, Json.createObjectBuilder()
                .add("emergencyContact", Json.createObjectBuilder().add("name", "赵小明").add("phone", contactPhone)
                        .add("relation", "儿子")).build().toString(), member.token());
        assertEquals(200, profile.status(), profile.raw());
        assertEquals(contactPhone.substring(0, 3) + "****" + contactPhone.substring(7),
                profile.data().getJsonObject("emergencyContact").getString("phone"));
        String contacts = "SELECT emergency_contact FROM health_profiles WHERE person_id = ?";
        String contact = row(contacts, motherId)[0];
        assertTrue(contact.startsWith(currentPrefix) && !contact.contains(contactPhone) && !contact.contains("赵小明"),
                "the emergency contact is encrypted at rest: " + contact);

        // A member and their mother as a version before encryption stored them: the phones in clear, nothing
        // else. New rows, as the server's entity cache has never seen them (an upgrade restarts the server).
        String legacyId = UUID.randomUUID().toString();
        String legacyPhone = Api.newPhone();
        String legacyMother = UUID.randomUUID().toString();
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection db = database()) {
            insert(db, "INSERT INTO users (id, phone, membership_level, status, created_at, updated_at, version)"
                    + " VALUES (?, ?, 'basic', 'active', ?, ?, 0)", legacyId, legacyPhone, now, now);
            insert(db, "INSERT INTO persons (id, owner_id, relation, name, created_at, updated_at, version)"
                    + " VALUES (?, ?, 'self', '本人', ?, ?, 0)", legacyId, legacyId, now, now);
            insert(db, "INSERT INTO persons (id, owner_id, relation, name, phone, created_at, updated_at, version)"
                    + " VALUES (?, ?, 'parent', '钱秀珍', ?, ?, ?, 0)", legacyMother, legacyId, motherPhone, now, now);
            insert(db, "INSERT INTO health_profiles (person_id, has_allergy, emergency_contact, created_at, updated_at,"
                    + " version) VALUES (?, ?, ?, ?, ?, 0)", legacyMother, false, "{\"name\":\"钱小红\",\"phone\":\""
                    + legacyPhone + "\",\"relation\":\"女儿\"}", now, now);
        }
        Api.Session legacy = api.login(legacyPhone);
        assertEquals(legacyId, legacy.memberId(), "the member logs in to their own account");
        Api.Reply found = api.get("/api/v1/admin/members?q=" + legacyPhone, care.adminToken());
        assertEquals(1, found.data().getJsonArray("items").size(), found.raw());
        String masked = motherPhone.substring(0, 3) + "****" + motherPhone.substring(7);
        assertTrue(api.get("/api/v1/persons", legacy.token()).raw().contains(masked), "the mother's phone reads");

        // And a value in none of our formats, as someone might type into the database: left alone, not a 500.
        String typedByHand = UUID.randomUUID().toString();
        try (Connection db = database()) {
            insert(db, "INSERT INTO persons (id, owner_id, relation, name, id_card_cipher, created_at, updated_at, version)"
                    + " VALUES (?, ?, 'other', '手填', 'not-a-cipher-text', ?, ?, 0)", typedByHand, legacyId, now, now);
        }
        Api.Reply rotated;
        try {
            rotated = api.post("/api/v1/admin/crypto/rotate", "", care.adminToken());
        } finally {
            try (Connection db = database()) {
                insert(db, "DELETE FROM persons WHERE id = ?", typedByHand);
            }
        }
        // Done by this call, or already by the run the server starts a second after each deployment (it may
        // meet this test): either way, once the call has answered, no phone is left in clear.
        assertEquals(200, rotated.status(), rotated.raw());
        assertTrue(rotated.data().containsKey("users.phone") && rotated.data().containsKey("persons.phone")
                && rotated.data().containsKey("health_profiles.emergency_contact"), rotated.raw());
        stored = row(users, legacyId);
        assertEquals(null, stored[0], "the clear phone is gone");
        assertTrue(stored[1].startsWith(currentPrefix), stored[1]);
        assertEquals(indexV2(current, "users.phone", legacyPhone), stored[2]);
        stored = row(persons, legacyMother);
        assertEquals(null, stored[0]);
        assertTrue(stored[1].startsWith(currentPrefix), stored[1]);
        String legacyContact = row(contacts, legacyMother)[0];
        assertTrue(legacyContact.startsWith(currentPrefix) && !legacyContact.contains(legacyPhone), legacyContact);
        FakeSmsGateway.sleep(2_100);
        assertEquals(legacyId, api.login(legacyPhone).memberId(), "and still logs in to the same account");
        assertTrue(api.get("/api/v1/persons", legacy.token()).raw().contains(masked));
    }
}
