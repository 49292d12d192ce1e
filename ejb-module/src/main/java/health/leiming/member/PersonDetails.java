package health.leiming.member;

import java.time.LocalDate;

/**
 * What a member tells about a family member. The ID card number arrives in full and is never returned so.
 * guardianConsent: the member declares they are the guardian of a child under 14 and consent for them
 * (PIPL art. 31); a child's details are refused without it.
 */
public record PersonDetails(String name, Relation relation, Gender gender, LocalDate birthDate, String idCard,
        String phone, boolean guardianConsent) {
}
