package health.leiming.care;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SlotCapacityTest {

    private static final Instant NOW = Instant.parse("2026-11-29T00:00:00Z");
    private final SlotGrid grid = new SlotGrid(ZoneId.of("Asia/Shanghai"), LocalTime.of(8, 0), LocalTime.of(18, 0), 60);
    private final Instant nine = grid.at(LocalDate.of(2026, 12, 1), LocalTime.of(9, 0));

    private static Staff staff(String name, List<Integer> days, Set<String> services, Set<String> hospitals) {
        return new Staff(new Staff.StaffDetails(name, null, null, days, services, hospitals, true), NOW);
    }

    @Test
    void whoCanServeDependsOnServiceHospitalAndWorkDay() {
        Staff weekdays = staff("王", List.of(1, 2, 3, 4, 5), Set.of("companion"), Set.of("h1"));
        assertTrue(weekdays.worksOn(DayOfWeek.TUESDAY));
        assertFalse(weekdays.worksOn(DayOfWeek.SUNDAY));
        assertTrue(weekdays.canServe("companion", "h1"));
        assertTrue(weekdays.canServe("companion", null), "no hospital chosen: any companion for the service");
        assertFalse(weekdays.canServe("companion", "h2"));
        assertFalse(weekdays.canServe("report", "h1"));
        assertTrue(staff("李", null, Set.of("s"), Set.of()).worksOn(DayOfWeek.SUNDAY), "no days given: every day");
    }

    @Test
    void capacityIsTheCandidatesLessThoseWithAnyNeededSlotClaimed() {
        Staff a = staff("甲", null, Set.of("s"), Set.of());
        Staff b = staff("乙", null, Set.of("s"), Set.of());
        Staff c = staff("丙", null, Set.of("s"), Set.of());
        List<Staff> candidates = List.of(a, b, c);
        assertEquals(3, Booking.free(candidates, grid.occupied(nine, 60), Set.of()).size());

        Set<SlotClaim.Key> claimed = Set.of(SlotClaim.Key.of(a.id(), nine),
                SlotClaim.Key.of(b.id(), nine.plusSeconds(3600)));
        assertEquals(List.of(b, c), Booking.free(candidates, grid.occupied(nine, 60), claimed),
                "b is busy only at ten");
        assertEquals(List.of(c), Booking.free(candidates, grid.occupied(nine, 120), claimed),
                "a two-hour visit at nine needs nine and ten");
        assertEquals(List.of(), Booking.free(List.of(a), grid.occupied(nine, 60), claimed));
    }
}
