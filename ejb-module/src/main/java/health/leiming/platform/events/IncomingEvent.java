package health.leiming.platform.events;

import java.util.Optional;

/**
 * The envelope of the event the current thread is dispatching: its id (what consumers store to
 * act once, e.g. one message-centre entry per event) and type name. Observers read it with
 * {@link #current()}; it is set by the dispatcher around the observers' call and nowhere else.
 */
public record IncomingEvent(String id, String type) {

    private static final ThreadLocal<IncomingEvent> CURRENT = new ThreadLocal<>();

    static void begin(IncomingEvent event) {
        CURRENT.set(event);
    }

    static void end() {
        CURRENT.remove();
    }

    /** The event being dispatched; fails outside an observer of a dispatched event. */
    public static IncomingEvent current() {
        return Optional.ofNullable(CURRENT.get())
                .orElseThrow(() -> new IllegalStateException("Not dispatching a business event"));
    }
}
