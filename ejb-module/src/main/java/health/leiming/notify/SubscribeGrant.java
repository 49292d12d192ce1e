package health.leiming.notify;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/**
 * How many one-time subscribe messages of a template a member has accepted and not yet received
 * (wx.requestSubscribeMessage: each acceptance allows one message).
 */
@Entity
@Table(name = "subscribe_grants")
@IdClass(SubscribeGrant.Key.class)
public class SubscribeGrant {

    /** WeChat keeps at most this many unused acceptances; so do we. */
    static final int MAX_REMAINING = 50;

    @Id
    @Column(name = "member_id")
    private String memberId;

    @Id
    @Column(name = "template_id")
    private String templateId;

    @Column(nullable = false)
    private int remaining;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected SubscribeGrant() {
    }

    SubscribeGrant(String memberId, String templateId, Instant now) {
        this.memberId = memberId;
        this.templateId = templateId;
        this.updatedAt = now;
    }

    void accept(Instant now) {
        remaining = Math.min(MAX_REMAINING, remaining + 1);
        updatedAt = now;
    }

    String templateId() {
        return templateId;
    }

    int remaining() {
        return remaining;
    }

    public record Key(String memberId, String templateId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
