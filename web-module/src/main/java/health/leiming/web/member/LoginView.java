package health.leiming.web.member;

import health.leiming.member.LoginResult;

/**
 * Answer of login and refresh: {token, refreshToken, expiresIn, user}; deletionCancelled when this login
 * cancelled the member's pending account deletion (the mini-program tells them so).
 */
public record LoginView(String token, String refreshToken, long expiresIn, String tokenType, boolean newMember,
        boolean deletionCancelled, UserView user) {

    public static LoginView of(LoginResult result) {
        return new LoginView(result.token(), result.refreshToken(), result.expiresIn(), "Bearer", result.newMember(),
                result.deletionCancelled(), UserView.of(result.user()));
    }
}
