package health.leiming.notify;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** What a member does not want pushed, and their quiet hours. No row: everything, any time. */
@Entity
@Table(name = "notification_preferences")
public class NotificationPreferences {

    @Id
    @Column(name = "member_id")
    private String memberId;

    @Column(name = "disabled_kinds", nullable = false)
    private String disabledKinds;

    @Column(name = "quiet_start")
    private String quietStart;

    @Column(name = "quiet_end")
    private String quietEnd;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected NotificationPreferences() {
    }

    NotificationPreferences(String memberId, Instant now) {
        this.memberId = memberId;
        this.disabledKinds = "";
        this.updatedAt = now;
    }

    void change(Set<NoticeKind> disabled, QuietHours quiet, Instant now) {
        disabledKinds = disabled.stream().filter(k -> !k.urgent()).map(Enum::name).sorted()
                .collect(Collectors.joining(","));
        quietStart = quiet == null ? null : quiet.startText();
        quietEnd = quiet == null ? null : quiet.endText();
        updatedAt = now;
    }

    Set<NoticeKind> disabled() {
        Set<NoticeKind> kinds = EnumSet.noneOf(NoticeKind.class);
        Arrays.stream(disabledKinds.split(",")).filter(s -> !s.isBlank()).forEach(s -> kinds.add(NoticeKind.valueOf(s)));
        return kinds;
    }

    boolean allows(NoticeKind kind) {
        return kind.urgent() || !disabled().contains(kind);
    }

    QuietHours quietHours() {
        return quietStart == null ? null : new QuietHours(LocalTime.parse(quietStart), LocalTime.parse(quietEnd));
    }
}
