package health.leiming.web.member;

import health.leiming.member.MemberProfile;
import health.leiming.platform.Masking;
import java.time.Instant;
import java.time.LocalDate;

/** A member as the mini-program sees them (seed's user fields); the phone is masked. */
public record UserView(String id, String name, String phone, String avatar, String gender, LocalDate birthDate,
        String membershipLevel, String status, Instant createdAt) {

    public static UserView of(MemberProfile profile) {
        return new UserView(profile.id(), profile.name(), Masking.phone(profile.phone()), profile.avatar(),
                profile.gender() == null ? null : profile.gender().name(), profile.birthDate(),
                profile.membershipLevel(), profile.status().name(), profile.createdAt());
    }
}
