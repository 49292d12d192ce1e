package health.leiming.notify;

import java.util.List;

/** A member's push settings: each kind on or off (urgent alerts always on), and quiet hours. */
public record PreferencesView(List<KindSetting> kinds, QuietHoursView quietHours) {

    public record KindSetting(String kind, String label, boolean enabled, boolean locked) {
    }

    public record QuietHoursView(String start, String end) {
    }
}
