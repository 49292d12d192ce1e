package health.leiming.member;

import health.leiming.platform.events.BusinessEvent;
import health.leiming.platform.events.EventCatalog;
import health.leiming.platform.events.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** The business events the member context raises. */
@ApplicationScoped
public class MemberEvents implements EventCatalog {

    @Override
    public List<Class<? extends BusinessEvent>> events() {
        return List.of(MemberRegistered.class);
    }

    /** A new member: welcomed in the message centre. */
    @EventType("member.registered")
    public record MemberRegistered(String memberId, Instant registeredAt) implements BusinessEvent {
        @Override
        public String aggregateId() {
            return memberId;
        }
    }
}
