package health.leiming.platform.events;

import health.leiming.platform.GaugeSource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which broker of the pair serves: an Artemis broker opens its port only while it is active (a backup
 * waits with it closed), so a connection attempt to each tells. leiming_broker_up{broker="backup"} at 1
 * means the primary failed and the backup took over: someone must bring the primary back (it takes over
 * again when it starts). Without a backup configured only the primary is reported.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BrokerFigures implements GaugeSource {

    private static final int CONNECT_TIMEOUT_MILLIS = 1000;

    @Inject
    @ConfigProperty(name = "leiming.artemis.host", defaultValue = "127.0.0.1")
    String host;

    @Inject
    @ConfigProperty(name = "leiming.artemis.port", defaultValue = "61616")
    int port;

    @Inject
    @ConfigProperty(name = "leiming.artemis.backup.host")
    java.util.Optional<String> backupHost;

    @Inject
    @ConfigProperty(name = "leiming.artemis.backup.port")
    java.util.Optional<Integer> backupPort;

    @Override
    public List<Reading> read(Instant now) {
        List<Reading> readings = new ArrayList<>();
        readings.add(up("primary", host, port));
        String otherHost = backupHost.filter(h -> !h.isBlank()).orElse(host);
        int otherPort = backupPort.orElse(port);
        if (!otherHost.equals(host) || otherPort != port) {
            readings.add(up("backup", otherHost, otherPort));
        }
        return readings;
    }

    private static Reading up(String broker, String host, int port) {
        return new Reading("leiming.broker.up", "Whether this broker of the pair accepts connections (1) or not (0)", "none",
                Map.of("broker", broker), accepts(host, port) ? 1 : 0);
    }

    private static boolean accepts(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
