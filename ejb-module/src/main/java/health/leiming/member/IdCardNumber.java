package health.leiming.member;

import health.leiming.platform.BusinessException;
import health.leiming.platform.ErrorKind;
import health.leiming.platform.Masking;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;

/**
 * A mainland resident ID card number (GB 11643-1999): 17 digits and an ISO 7064 MOD 11-2 check
 * character. Birth date and gender are part of it.
 */
public record IdCardNumber(String value) {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    public IdCardNumber {
        value = value == null ? null : value.trim().toUpperCase(Locale.ROOT);
        if (value == null || !value.matches("\\d{17}[\\dX]")) {
            throw invalid("身份证号码应为18位");
        }
        if (value.charAt(17) != checkCharacter(value)) {
            throw invalid("身份证号码校验位不正确，请核对");
        }
        birthDate(value); // a real date
    }

    static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    public LocalDate birthDate() {
        return birthDate(value);
    }

    /** The 17th digit: odd for men, even for women. */
    public Gender gender() {
        return (value.charAt(16) - '0') % 2 == 1 ? Gender.male : Gender.female;
    }

    public String masked() {
        return Masking.idCard(value);
    }

    private static LocalDate birthDate(String value) {
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(value.substring(6, 10)),
                    Integer.parseInt(value.substring(10, 12)), Integer.parseInt(value.substring(12, 14)));
            if (date.getYear() < 1900 || date.isAfter(LocalDate.now())) {
                throw invalid("身份证号码中的出生日期不正确");
            }
            return date;
        } catch (DateTimeException e) {
            throw invalid("身份证号码中的出生日期不正确");
        }
    }

    private static BusinessException invalid(String message) {
        return new BusinessException(ErrorKind.BAD_REQUEST, "ID_CARD_INVALID", message);
    }

    @Override
    public String toString() {
        return masked();
    }
}
