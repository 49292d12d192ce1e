package health.leiming.care;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlotGridTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private final SlotGrid grid = new SlotGrid(SHANGHAI, LocalTime.of(8, 0), LocalTime.of(18, 0), 60);

    @Test
    void slotsStartEveryHourFromOpeningUntilBeforeClosing() {
        List<LocalTime> starts = grid.starts();
        assertEquals(10, starts.size());
        assertEquals(LocalTime.of(8, 0), starts.get(0));
        assertEquals(LocalTime.of(17, 0), starts.get(9));
        assertEquals(3, new SlotGrid(SHANGHAI, LocalTime.of(9, 0), LocalTime.of(10, 30), 30).starts().size());
    }

    @Test
    void theBusinessDayIsCutInShanghaiTime() {
        Instant nineOclock = grid.at(LocalDate.of(2026, 12, 1), LocalTime.of(9, 0));
        assertEquals(Instant.parse("2026-12-01T01:00:00Z"), nineOclock);
        assertTrue(grid.isSlotStart(nineOclock));
        assertFalse(grid.isSlotStart(nineOclock.plusSeconds(60 * 30)), "09:30 is not a slot");
        assertFalse(grid.isSlotStart(Instant.parse("2026-12-01T10:00:00Z")), "18:00 Shanghai is closing time");
        assertEquals(LocalDate.of(2026, 12, 2), grid.dayOf(Instant.parse("2026-12-01T16:30:00Z")));
    }

    @Test
    void anAppointmentHoldsEverySlotItsDurationTouches() {
        Instant start = grid.at(LocalDate.of(2026, 12, 1), LocalTime.of(9, 0));
        assertEquals(List.of(start), grid.occupied(start, 60));
        assertEquals(List.of(start, start.plusSeconds(3600)), grid.occupied(start, 61));
        assertEquals(4, grid.occupied(start, 240).size());
        assertEquals(1, grid.occupied(start, 15).size());
    }

    @Test
    void aGridThatClosesBeforeItOpensIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new SlotGrid(SHANGHAI, LocalTime.of(18, 0), LocalTime.of(8, 0), 60));
    }
}
