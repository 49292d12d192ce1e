package health.leiming.web.platform;

import health.leiming.platform.BusinessException;
import health.leiming.platform.ErrorKind;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;

/** Who is calling: the member id is the token's subject (also its upn, the principal's name). */
public final class Caller {

    private Caller() {
    }

    public static String memberId(SecurityContext security) {
        Principal principal = security.getUserPrincipal();
        if (principal == null || principal.getName() == null) {
            throw new BusinessException(ErrorKind.UNAUTHENTICATED, "UNAUTHENTICATED", "请先登录");
        }
        return principal.getName();
    }
}
