package health.leiming.member;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import health.leiming.platform.BusinessException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdCardNumberTest {

    @Test
    void theStandardsOwnExampleIsValidAndTellsBirthDateAndGender() {
        IdCardNumber id = new IdCardNumber("11010519491231002x");
        assertEquals("11010519491231002X", id.value());
        assertEquals(LocalDate.of(1949, 12, 31), id.birthDate());
        assertEquals(Gender.female, id.gender());
        assertEquals("110105********002X", id.masked());
        assertEquals(Gender.male, new IdCardNumber("110105194910010015").gender());
    }

    @ParameterizedTest
    @ValueSource(strings = {"110105194912310020", "11010519491231002", "1101051949123100211", "11010519491331002X",
            "110105219912310025", "A1010519491231002X"})
    void wrongCheckCharactersLengthsAndDatesAreRefused(String value) {
        assertEquals("ID_CARD_INVALID", assertThrows(BusinessException.class, () -> new IdCardNumber(value)).code());
    }
}
