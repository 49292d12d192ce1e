package health.leiming.member;

import health.leiming.platform.BusinessException;
import health.leiming.platform.ErrorKind;
import java.util.Locale;

/**
 * Why a code is requested (seed: login | register | reset; and deletion, to confirm deleting the account).
 * Login and register both sign the member in; a deletion code signs no one in.
 */
public enum SmsScene {
    login, register, reset, deletion;

    public static SmsScene parse(String value) {
        if (value == null || value.isBlank()) {
            return login;
        }
        try {
            return valueOf(value.trim().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BusinessException(ErrorKind.BAD_REQUEST, "SCENE_INVALID", "不支持的验证码场景");
        }
    }
}
