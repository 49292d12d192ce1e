package health.leiming.member;

/** CDI event: a member registered (observed after commit, e.g. by the registration counter). */
public record MemberRegistered(String memberId) {
}
