package health.leiming.member;

/** What a successful login or refresh hands back: an access token, a new refresh token and the member. */
public record LoginResult(String token, String refreshToken, long expiresIn, MemberProfile user, boolean newMember) {
}
