package health.leiming.web.platform;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Who the client is, when the server may sit behind the hospital's proxies (leiming.http.trusted-proxies:
 * addresses or CIDR ranges). Only a request that arrives from a trusted proxy has its X-Forwarded-For
 * read, from the right: each trusted proxy appended the address it saw, so the first address from the
 * right that is not a trusted proxy is the client. Whatever the client wrote further left is ignored.
 */
public final class ClientAddresses {

    /** IP literals only, so that a name is never resolved. */
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private record Range(byte[] network, int prefix) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (address[full] & mask) == (network[full] & mask);
        }
    }

    private final List<Range> trusted;

    private ClientAddresses(List<Range> trusted) {
        this.trusted = trusted;
    }

    /** Parses "10.0.0.0/8, 192.168.1.10, ::1"; an entry that is not an address or range is refused. */
    public static ClientAddresses trusting(String proxies) {
        List<Range> ranges = new ArrayList<>();
        if (proxies != null) {
            for (String entry : proxies.split(",")) {
                String item = entry.strip();
                if (item.isEmpty()) {
                    continue;
                }
                String[] parts = item.split("/", 2);
                byte[] network = bytes(parts[0]);
                if (network == null) {
                    throw new IllegalArgumentException("leiming.http.trusted-proxies: not an address: " + item);
                }
                int prefix = parts.length == 2 ? Integer.parseInt(parts[1].strip()) : network.length * 8;
                if (prefix < 0 || prefix > network.length * 8) {
                    throw new IllegalArgumentException("leiming.http.trusted-proxies: bad prefix: " + item);
                }
                ranges.add(new Range(network, prefix));
            }
        }
        return new ClientAddresses(List.copyOf(ranges));
    }

    /** The client of a request that came from remote with this X-Forwarded-For header (may be null). */
    public String client(String remote, String forwardedFor) {
        if (forwardedFor == null || forwardedFor.isBlank() || !isTrusted(remote)) {
            return remote;
        }
        String[] hops = forwardedFor.split(",");
        String nearest = remote;
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (bytes(hop) == null) {
                return nearest; // a proxy we trust would not write this: stop at what we know
            }
            if (!isTrusted(hop)) {
                return hop;
            }
            nearest = hop;
        }
        return nearest;
    }

    boolean isTrusted(String address) {
        if (trusted.isEmpty()) {
            return false;
        }
        byte[] bytes = bytes(address);
        return bytes != null && trusted.stream().anyMatch(r -> r.contains(bytes));
    }

    private static byte[] bytes(String address) {
        boolean literal = address != null && (IPV4.matcher(address).matches()
                || address.indexOf(':') >= 0 && IPV6.matcher(address).matches());
        if (!literal) {
            return null;
        }
        try {
            return InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
