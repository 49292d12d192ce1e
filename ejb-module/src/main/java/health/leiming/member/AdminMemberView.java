package health.leiming.member;

import java.time.Instant;

/** A member as admins see them in lists: phone and name masked. */
public record AdminMemberView(String id, String phone, String name, String membershipLevel, String status,
        Instant createdAt) {
}
