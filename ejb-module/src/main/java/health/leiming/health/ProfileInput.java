package health.leiming.health;

import java.math.BigDecimal;
import java.util.List;

/** The editable health profile; the whole profile is replaced on each save. */
public record ProfileInput(String bloodType, String rh, BigDecimal heightCm, BigDecimal weightKg, Boolean hasAllergy,
        String allergyInfo, List<String> chronicDiseases, List<String> familyHistory, Contact emergencyContact) {

    public record Contact(String name, String phone, String relation) {
    }
}
