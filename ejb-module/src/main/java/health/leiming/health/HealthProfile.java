package health.leiming.health;

import health.leiming.platform.BusinessException;
import health.leiming.platform.ErrorKind;
import health.leiming.platform.FieldCipher;
import health.leiming.platform.Masking;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A person's health profile (健康档案): blood type, height and weight (BMI derived, never typed in),
 * allergies, chronic diseases, family history and an emergency contact.
 */
@Entity
@Table(name = "health_profiles")
public class HealthProfile {

    @Id
    @Column(name = "person_id")
    private String personId;

    @Column(name = "blood_type")
    private String bloodType;

    private String rh;

    @Column(name = "height_cm", precision = 5, scale = 1)
    private BigDecimal heightCm;

    @Column(name = "weight_kg", precision = 5, scale = 2)
    private BigDecimal weightKg;

    @Column(name = "has_allergy", nullable = false)
    private boolean hasAllergy;

    @Column(name = "allergy_info")
    private String allergyInfo;

    @Column(name = "chronic_diseases")
    private String chronicDiseases;

    @Column(name = "family_history")
    private String familyHistory;

    /** Purpose of the emergency contact's encryption (name, phone and relation as JSON, AES-GCM). */
    public static final String CONTACT = "health_profiles.emergency_contact";

    /** The emergency contact as JSON, encrypted under {@link #CONTACT}; an earlier version's stays in clear until rotated. */
    @Column(name = "emergency_contact")
    private String emergencyContact;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected HealthProfile() {
    }

    HealthProfile(String personId, Instant now) {
        this.personId = personId;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void update(ProfileInput input, Instant now, FieldCipher cipher) {
        if (input.heightCm() != null && (input.heightCm().compareTo(BigDecimal.valueOf(30)) < 0
                || input.heightCm().compareTo(BigDecimal.valueOf(250)) > 0)) {
            throw new BusinessException(ErrorKind.BAD_REQUEST, "VALUE_IMPOSSIBLE", "身高应在30-250厘米之间");
        }
        if (input.weightKg() != null) {
            new Measurement(MeasurementType.weight, input.weightKg(), null, null, null); // same limits as a reading
        }
        bloodType = input.bloodType();
        rh = input.rh();
        heightCm = input.heightCm();
        weightKg = input.weightKg();
        hasAllergy = Boolean.TRUE.equals(input.hasAllergy()) || input.allergyInfo() != null && !input.allergyInfo().isBlank();
        allergyInfo = input.allergyInfo();
        chronicDiseases = array(input.chronicDiseases());
        familyHistory = array(input.familyHistory());
        emergencyContact = input.emergencyContact() == null ? null : cipher.encrypt(CONTACT, Json.createObjectBuilder()
                .add("name", nullToEmpty(input.emergencyContact().name()))
                .add("phone", nullToEmpty(input.emergencyContact().phone()))
                .add("relation", nullToEmpty(input.emergencyContact().relation())).build().toString());
        updatedAt = now;
    }

    /** Body mass index from height and weight, or null while either is unknown. */
    public BigDecimal bmi() {
        return heightCm == null || weightKg == null ? null : Measurement.bmi(weightKg, heightCm);
    }

    /** The emergency contact's phone number as entered, or null when there is none. */
    public String emergencyPhone(FieldCipher cipher) {
        if (emergencyContact == null) {
            return null;
        }
        String phone = contact(cipher).getString("phone", "");
        return phone.isBlank() ? null : phone;
    }

    private JsonObject contact(FieldCipher cipher) {
        return Json.createReader(new StringReader(cipher.readable(CONTACT, emergencyContact))).readObject();
    }

    /** Brings the emergency contact under the current key (and encrypts one stored in clear before). */
    void rotateContact(FieldCipher cipher) {
        if (emergencyContact != null) {
            emergencyContact = cipher.encrypt(CONTACT, cipher.readable(CONTACT, emergencyContact));
        }
    }

    String personId() {
        return personId;
    }

    public BigDecimal heightCm() {
        return heightCm;
    }

    ProfileView view(List<String> tags, boolean contactVerified, FieldCipher cipher) {
        BigDecimal bmi = bmi();
        ProfileView.EmergencyContact contact = null;
        if (emergencyContact != null) {
            JsonObject c = contact(cipher);
            contact = new ProfileView.EmergencyContact(c.getString("name"),
                    Masking.phone(c.getString("phone")), c.getString("relation"), contactVerified);
        }
        return new ProfileView(personId, bloodType, rh, heightCm, weightKg, bmi, bmi == null ? null : Measurement.bmi(bmi),
                hasAllergy, allergyInfo, list(chronicDiseases), list(familyHistory), contact, tags, updatedAt, heightCm, weightKg);
    }

    static ProfileView empty(String personId, List<String> tags) {
        return new ProfileView(personId, null, null, null, null, null, null, false, null, List.of(), List.of(), null,
                tags, null, null, null);
    }

    private static String array(List<String> values) {
        if (values == null) {
            return null;
        }
        JsonArrayBuilder array = Json.createArrayBuilder();
        values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).forEach(array::add);
        return array.build().toString();
    }

    private static List<String> list(String json) {
        if (json == null) {
            return List.of();
        }
        return Json.createReader(new StringReader(json)).readArray().stream()
                .map(v -> v.getValueType() == JsonValue.ValueType.STRING ? ((JsonString) v).getString() : v.toString())
                .toList();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
