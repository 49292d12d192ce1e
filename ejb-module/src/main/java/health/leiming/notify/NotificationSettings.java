package health.leiming.notify;

import health.leiming.platform.BusinessException;
import health.leiming.platform.ErrorKind;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A member's push settings (kinds and quiet hours) and their subscribe-message acceptances. The
 * message centre is not affected by either: it always gets everything.
 */
@Stateless
public class NotificationSettings {

    @PersistenceContext(unitName = "leiming")
    EntityManager em;

    @Inject
    SubscribeTemplates templates;

    public PreferencesView preferences(String memberId) {
        return view(em.find(NotificationPreferences.class, memberId));
    }

    /**
     * Turns kinds on or off (kinds not named keep their setting) and sets or clears quiet hours.
     * Urgent health alerts cannot be turned off.
     */
    public PreferencesView change(String memberId, Map<String, Boolean> kinds, String quietStart, String quietEnd) {
        Set<NoticeKind> disabled = EnumSet.noneOf(NoticeKind.class);
        NotificationPreferences preferences = em.find(NotificationPreferences.class, memberId, LockModeType.PESSIMISTIC_WRITE);
        if (preferences != null) {
            disabled.addAll(preferences.disabled());
        }
        if (kinds != null) {
            kinds.forEach((name, enabled) -> {
                NoticeKind kind = NoticeKind.parse(name);
                if (kind.urgent() && Boolean.FALSE.equals(enabled)) {
                    throw new BusinessException(ErrorKind.BAD_REQUEST, "URGENT_ALERTS_REQUIRED", "紧急健康风险提醒不能关闭");
                }
                if (Boolean.FALSE.equals(enabled)) {
                    disabled.add(kind);
                } else if (Boolean.TRUE.equals(enabled)) {
                    disabled.remove(kind);
                }
            });
        }
        QuietHours quiet = quietStart == null && quietEnd == null ? null : QuietHours.parse(quietStart, quietEnd);
        Instant now = Instant.now();
        if (preferences == null) {
            preferences = new NotificationPreferences(memberId, now);
            em.persist(preferences);
        }
        preferences.change(disabled, quiet, now);
        return view(preferences);
    }

    /**
     * Records the templates the member just accepted in wx.requestSubscribeMessage: one more message
     * of each may be sent. Only our configured templates are taken.
     */
    public SubscriptionsView accept(String memberId, Collection<String> templateIds) {
        Set<String> known = Set.copyOf(templates.all().values());
        if (templateIds == null || templateIds.isEmpty()) {
            throw new BusinessException(ErrorKind.BAD_REQUEST, "TEMPLATES_REQUIRED", "请提供已同意的订阅消息模板");
        }
        List<String> unknown = templateIds.stream().filter(id -> !known.contains(id)).toList();
        if (!unknown.isEmpty()) {
            throw new BusinessException(ErrorKind.BAD_REQUEST, "TEMPLATE_UNKNOWN", "未知的订阅消息模板：" + String.join(",", unknown));
        }
        Instant now = Instant.now();
        for (String templateId : Set.copyOf(templateIds)) {
            SubscribeGrant grant = em.find(SubscribeGrant.class, new SubscribeGrant.Key(memberId, templateId),
                    LockModeType.PESSIMISTIC_WRITE);
            if (grant == null) {
                grant = new SubscribeGrant(memberId, templateId, now);
                em.persist(grant);
            }
            grant.accept(now);
        }
        return subscriptions(memberId);
    }

    /** The configured templates by event type, and how many messages of each the member still accepts. */
    public SubscriptionsView subscriptions(String memberId) {
        Map<String, Integer> remaining = new java.util.HashMap<>();
        em.createQuery("select g from SubscribeGrant g where g.memberId = :member", SubscribeGrant.class)
                .setParameter("member", memberId).getResultStream()
                .forEach(g -> remaining.put(g.templateId(), g.remaining()));
        List<SubscriptionsView.Template> list = templates.all().entrySet().stream()
                .map(e -> new SubscriptionsView.Template(e.getKey(), e.getValue(), remaining.getOrDefault(e.getValue(), 0)))
                .toList();
        return new SubscriptionsView(list);
    }

    private static PreferencesView view(NotificationPreferences preferences) {
        Set<NoticeKind> disabled = preferences == null ? Set.of() : preferences.disabled();
        QuietHours quiet = preferences == null ? null : preferences.quietHours();
        return new PreferencesView(Arrays.stream(NoticeKind.values())
                .map(k -> new PreferencesView.KindSetting(k.name(), k.label(), !disabled.contains(k), k.urgent())).toList(),
                quiet == null ? null : new PreferencesView.QuietHoursView(quiet.startText(), quiet.endText()));
    }
}
