package health.leiming.member;

import java.time.Instant;
import java.time.LocalDate;

/** A member's profile as the rest of the application reads it (never the entity itself). Phone unmasked. */
public record MemberProfile(String id, String name, String phone, String avatar, Gender gender, LocalDate birthDate,
        String membershipLevel, MemberStatus status, Instant createdAt) {
}
