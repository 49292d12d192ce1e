package health.leiming.web.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ConsoleTest {

    @Test
    void aLinkKeepsTheGivenFiltersEncodedAndLeavesOutTheBlankOnes() {
        assertEquals("?phone=138&status=paid&page=2", Console.query("orderNo", null, "phone", " 138 ", "status", "paid",
                "date", "", "page", "2"));
        assertEquals("?title=%E8%A1%80%E5%8E%8B+%26+%E5%86%AC", Console.query("title", "血压 & 冬"));
        assertEquals("", Console.query("q", null, "status", " "));
    }
}
