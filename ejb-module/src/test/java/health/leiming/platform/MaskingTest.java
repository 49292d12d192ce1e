package health.leiming.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void phonesKeepTheirFirstThreeAndLastFourDigits() {
        assertEquals("138****8000", Masking.phone("13800138000"));
        assertEquals("****", Masking.phone("12345"));
        assertNull(Masking.phone(null));
    }

    @Test
    void idCardsKeepRegionAndLastFour() {
        assertEquals("110101********4514", Masking.idCard("110101199003074514"));
    }

    @Test
    void namesKeepTheirFirstAndLastCharacter() {
        assertEquals("*", Masking.name("李"));
        assertEquals("张*", Masking.name("张三"));
        assertEquals("欧*娜", Masking.name("欧阳娜娜"));
        assertEquals("𠀀*", Masking.name("𠀀三"), "characters outside the BMP count as one");
    }
}
