package health.leiming.member;

import java.time.LocalDate;

/** What a member tells about a family member. The ID card number arrives in full and is never returned so. */
public record PersonDetails(String name, Relation relation, Gender gender, LocalDate birthDate, String idCard,
        String phone) {
}
