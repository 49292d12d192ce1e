package health.leiming.web.member;

import health.leiming.member.LoginResult;

/** Answer of login and refresh: {token, refreshToken, expiresIn, user}. */
public record LoginView(String token, String refreshToken, long expiresIn, String tokenType, boolean newMember,
        UserView user) {

    public static LoginView of(LoginResult result) {
        return new LoginView(result.token(), result.refreshToken(), result.expiresIn(), "Bearer", result.newMember(),
                UserView.of(result.user()));
    }
}
