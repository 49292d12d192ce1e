package health.leiming.member;

import health.leiming.platform.BusinessException;
import health.leiming.platform.ErrorKind;
import health.leiming.platform.Masking;
import java.util.regex.Pattern;

/** A mainland China mobile number: 11 digits starting with 13-19. Validates itself. */
public record PhoneNumber(String value) {

    private static final Pattern MAINLAND_MOBILE = Pattern.compile("1[3-9]\\d{9}");

    public PhoneNumber {
        if (value == null || !MAINLAND_MOBILE.matcher(value).matches()) {
            throw new BusinessException(ErrorKind.BAD_REQUEST, "PHONE_INVALID", "请输入正确的手机号码");
        }
    }

    public static boolean isValid(String value) {
        return value != null && MAINLAND_MOBILE.matcher(value).matches();
    }

    @Override
    public String toString() {
        return Masking.phone(value);
    }
}
