package health.leiming.health;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A person's health profile as the owner reads it; the emergency contact's phone is masked. Height and
 * weight come twice: as heightCm and weightKg, and under the product document's names height and weight.
 */
public record ProfileView(String personId, String bloodType, String rh, BigDecimal heightCm, BigDecimal weightKg,
        BigDecimal bmi, Indicator bmiIndicator, boolean hasAllergy, String allergyInfo, List<String> chronicDiseases,
        List<String> familyHistory, EmergencyContact emergencyContact, List<String> healthTags, Instant updatedAt,
        BigDecimal height, BigDecimal weight) {

    /** verified: the contact confirmed this phone with a code; only then do alerts reach them. */
    public record EmergencyContact(String name, String phone, String relation, boolean verified) {
    }
}
