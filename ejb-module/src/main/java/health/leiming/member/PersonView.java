package health.leiming.member;

import java.time.LocalDate;

/** A person as the owner sees them: ID card and phone masked. */
public record PersonView(String id, String relation, String name, String gender, LocalDate birthDate, String idCard,
        String phone, boolean self) {
}
