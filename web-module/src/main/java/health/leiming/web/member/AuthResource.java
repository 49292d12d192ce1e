package health.leiming.web.member;

import health.leiming.member.AuthService;
import health.leiming.member.WechatLogin;
import health.leiming.web.platform.ApiResponse;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Phone login (seed 5.3.1): SMS code, login/registration, WeChat mini-program login, token refresh, logout. */
@Path("/auth")
@PermitAll
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
@Tag(name = "member")
public class AuthResource {

    @Inject
    AuthService auth;

    @Inject
    WechatLogin wechat;

    @POST
    @Path("/sms-code")
    @Operation(summary = "Send a login code by SMS (one per 60 s, 10 per day per phone)")
    public ApiResponse<Map<String, Long>> sendCode(@Valid @NotNull AuthRequests.SmsCodeRequest request) {
        long expiresIn = auth.sendCode(request.phone(), request.scene()).toSeconds();
        return ApiResponse.ok(Map.of("expiresIn", expiresIn));
    }

    @POST
    @Path("/login")
    @Operation(summary = "Log in (registering on first login) with the phone and the SMS code")
    public ApiResponse<LoginView> login(@Valid @NotNull AuthRequests.LoginRequest request) {
        return ApiResponse.ok(LoginView.of(auth.login(request.phone(), request.code())));
    }

    @POST
    @Path("/wechat-login")
    @Operation(summary = "Log in with wx.login's code: a session, or a ticket for the phone-number step (needPhone)")
    public ApiResponse<WechatLoginView> wechatLogin(@Valid @NotNull AuthRequests.WechatLoginRequest request) {
        WechatLogin.WechatLoginResult result = wechat.login(request.code());
        return ApiResponse.ok(new WechatLoginView(result.needPhone(), result.ticket(),
                result.session() == null ? null : LoginView.of(result.session())));
    }

    @POST
    @Path("/wechat-phone")
    @Operation(summary = "Second step of the WeChat login: the phone number WeChat confirms links or registers the member")
    public ApiResponse<LoginView> wechatPhone(@Valid @NotNull AuthRequests.WechatPhoneRequest request) {
        return ApiResponse.ok(LoginView.of(wechat.bindPhone(request.ticket(), request.phoneCode())));
    }

    /** needPhone with a ticket, or the session. */
    public record WechatLoginView(boolean needPhone, String ticket, LoginView session) {
    }

    @POST
    @Path("/refresh")
    @Operation(summary = "Exchange a refresh token for a new token pair (the old refresh token stops working)")
    public ApiResponse<LoginView> refresh(@Valid @NotNull AuthRequests.RefreshRequest request) {
        return ApiResponse.ok(LoginView.of(auth.refresh(request.refreshToken())));
    }

    @POST
    @Path("/logout")
    @Operation(summary = "End the session: the refresh token and its successors are revoked")
    public ApiResponse<Void> logout(@Valid @NotNull AuthRequests.RefreshRequest request) {
        auth.logout(request.refreshToken());
        return ApiResponse.ok(null);
    }
}
