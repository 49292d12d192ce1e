package health.leiming.member;

import java.time.LocalDate;

/** The editable part of a member's profile; null clears a field. */
public record ProfileChanges(String name, String avatar, Gender gender, LocalDate birthDate) {
}
