package health.leiming.member;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import health.leiming.platform.BusinessException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"13800138000", "19912345678", "15000000000"})
    void mainlandMobilesAreAccepted(String value) {
        assertEquals(value, new PhoneNumber(value).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "12345678901", "1380013800", "138001380001", "+8613800138000", "1380013800a"})
    void otherNumbersAreRefused(String value) {
        BusinessException e = assertThrows(BusinessException.class, () -> new PhoneNumber(value));
        assertEquals("PHONE_INVALID", e.code());
    }

    @org.junit.jupiter.api.Test
    void itsTextIsMasked() {
        assertEquals("138****8000", new PhoneNumber("13800138000").toString());
    }
}
