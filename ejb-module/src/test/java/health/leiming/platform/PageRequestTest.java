package health.leiming.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PageRequestTest {

    @Test
    void theOffsetSkipsTheEarlierPages() {
        assertEquals(0, new PageRequest(1, 20).offset());
        assertEquals(40, new PageRequest(3, 20).offset());
    }

    @Test
    void pagesThatCannotExistAreRefusedBeforeAnyQuery() {
        for (int[] bad : new int[][] {{0, 20}, {1, 0}, {-1, 20}, {Integer.MAX_VALUE, 200}}) {
            BusinessException refused = assertThrows(BusinessException.class, () -> new PageRequest(bad[0], bad[1]));
            assertEquals("PAGE_INVALID", refused.code());
            assertEquals(ErrorKind.BAD_REQUEST, refused.kind());
        }
    }

    @Test
    void aFilterJoinsOnlyTheConditionsGiven() {
        Filter filter = new Filter().and("o.userId = :member", "member", "m1")
                .andIfGiven("o.status = :status", "status", null)
                .andIfGiven("o.serviceId = :service", "service", "  ")
                .andIfGiven("o.hospitalId = :hospital", "hospital", "h1");
        assertEquals(" where o.userId = :member and o.hospitalId = :hospital", filter.clause());
        assertEquals("", new Filter().clause());
    }
}
