package health.leiming.web.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ClientAddressesTest {

    private final ClientAddresses behindProxies = ClientAddresses.trusting("10.0.0.0/8, 192.168.1.10, ::1");

    @Test
    void withoutTrustedProxiesTheHeaderIsIgnored() {
        ClientAddresses direct = ClientAddresses.trusting("");
        assertEquals("203.0.113.9", direct.client("203.0.113.9", "1.2.3.4"));
    }

    @Test
    void aRequestNotFromATrustedProxyCannotNameItsClient() {
        assertEquals("203.0.113.9", behindProxies.client("203.0.113.9", "1.2.3.4"));
    }

    @Test
    void theRightmostAddressNotAddedByATrustedProxyIsTheClient() {
        assertEquals("198.51.100.7", behindProxies.client("192.168.1.10", "198.51.100.7"));
        assertEquals("198.51.100.7", behindProxies.client("192.168.1.10", "198.51.100.7, 10.1.2.3"),
                "two proxies of ours in a row");
        assertEquals("198.51.100.7", behindProxies.client("10.9.9.9", "6.6.6.6, 7.7.7.7, 198.51.100.7"),
                "what the client wrote in front is ignored");
        assertEquals("2001:db8::5", behindProxies.client("::1", "2001:db8::5"));
    }

    @Test
    void garbageInTheHeaderStopsAtTheNearestKnownAddress() {
        assertEquals("10.1.2.3", behindProxies.client("192.168.1.10", "evil.example, 10.1.2.3"));
        assertEquals("192.168.1.10", behindProxies.client("192.168.1.10", "not-an-address"));
        assertFalse(behindProxies.isTrusted("localhost"), "names are never resolved");
    }

    @Test
    void rangesMatchByPrefix() {
        assertTrue(behindProxies.isTrusted("10.255.0.1"));
        assertFalse(behindProxies.isTrusted("11.0.0.1"));
        assertFalse(behindProxies.isTrusted("192.168.1.11"));
        assertTrue(ClientAddresses.trusting("172.16.0.0/12").isTrusted("172.31.255.255"));
        assertFalse(ClientAddresses.trusting("172.16.0.0/12").isTrusted("172.32.0.0"));
    }

    @Test
    void aMistypedProxySettingIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ClientAddresses.trusting("proxy.hospital.local"));
        assertThrows(IllegalArgumentException.class, () -> ClientAddresses.trusting("10.0.0.0/40"));
    }
}
