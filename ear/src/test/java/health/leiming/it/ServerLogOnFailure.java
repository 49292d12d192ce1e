package health.leiming.it;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * When an integration test fails, prints the warnings and errors the server logged while it ran, so that a
 * failure on a CI machine whose server log is gone can still be understood from the build's output.
 */
final class ServerLogOnFailure implements BeforeEachCallback, TestWatcher {

    private static final Path LOG = Path.of(System.getProperty("leiming.server.log",
            "target/liberty/wlp/usr/servers/leiming/logs/messages.log"));
    private static final int MAX_LINES = 60;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        context.getStore(ExtensionContext.Namespace.GLOBAL).put(ServerLogOnFailure.class,
                Files.exists(LOG) ? Files.size(LOG) : 0L);
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        Long from = context.getStore(ExtensionContext.Namespace.GLOBAL).get(ServerLogOnFailure.class, Long.class);
        StringBuilder out = new StringBuilder("---- server warnings and errors during " + context.getDisplayName() + "\n");
        try (RandomAccessFile file = new RandomAccessFile(LOG.toFile(), "r")) {
            long start = from == null || from > file.length() ? 0 : from;
            file.seek(start);
            byte[] bytes = new byte[(int) Math.min(file.length() - start, 4_000_000)];
            file.readFully(bytes);
            String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n");
            int shown = 0;
            for (String line : lines) {
                if ((line.contains(" W ") || line.contains(" E ") || line.startsWith("\tat health.leiming"))
                        && shown++ < MAX_LINES) {
                    out.append(line.length() > 400 ? line.substring(0, 400) + "..." : line).append('\n');
                }
            }
        } catch (IOException | RuntimeException e) {
            out.append("(server log not readable: ").append(e).append(")\n");
        }
        System.out.print(out.append("----\n"));
    }
}
