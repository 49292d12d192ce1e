package health.leiming.member;

/**
 * What a successful login or refresh hands back: an access token, a new refresh token and the member; and
 * whether this login cancelled the member's pending request to delete the account.
 */
public record LoginResult(String token, String refreshToken, long expiresIn, MemberProfile user, boolean newMember,
        boolean deletionCancelled) {
}
