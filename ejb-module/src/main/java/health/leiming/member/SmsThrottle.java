package health.leiming.member;

import health.leiming.platform.BusinessException;
import health.leiming.platform.ErrorKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * How often codes were sent to one phone: at most one per interval, and a daily cap counted per
 * business day. One row per phone (by its blind index, Member.PHONE), locked while a send is decided, so
 * concurrent requests cannot slip past the limits.
 */
@Entity
@Table(name = "sms_throttles")
public class SmsThrottle {

    @Id
    @Column(name = "phone_hash")
    private String phoneHash;

    @Column(name = "last_sent_at", nullable = false)
    private Instant lastSentAt;

    @Column(name = "count_day", nullable = false)
    private LocalDate countDay;

    @Column(name = "day_count", nullable = false)
    private int dayCount;

    @Version
    private long version;

    protected SmsThrottle() {
    }

    public static SmsThrottle firstSend(String phoneHash, Instant now, LocalDate today) {
        SmsThrottle throttle = new SmsThrottle();
        throttle.phoneHash = phoneHash;
        throttle.lastSentAt = now;
        throttle.countDay = today;
        throttle.dayCount = 1;
        return throttle;
    }

    /** Records one more send, or refuses it with a 429 that says when to try again. */
    public void recordSend(Instant now, LocalDate today, Duration minInterval, int dailyLimit,
            Instant startOfTomorrow) {
        Instant nextAllowed = lastSentAt.plus(minInterval);
        if (now.isBefore(nextAllowed)) {
            long wait = Math.max(1, Duration.between(now, nextAllowed).toSeconds() + 1);
            throw new BusinessException(ErrorKind.TOO_MANY_REQUESTS, "SMS_TOO_FREQUENT",
                    "验证码发送过于频繁，请" + wait + "秒后再试", wait);
        }
        int sentToday = today.equals(countDay) ? dayCount : 0;
        if (sentToday >= dailyLimit) {
            long wait = Math.max(1, Duration.between(now, startOfTomorrow).toSeconds());
            throw new BusinessException(ErrorKind.TOO_MANY_REQUESTS, "SMS_DAILY_LIMIT",
                    "今日验证码发送次数已达上限，请明天再试", wait);
        }
        lastSentAt = now;
        countDay = today;
        dayCount = sentToday + 1;
    }

    /** Takes back a send the gateway did not accept (made at sentAt), so that the phone may ask again. */
    public void forgive(Instant sentAt, Duration minInterval) {
        if (Duration.between(lastSentAt, sentAt).abs().toMillis() < 1) { // the stored time may be truncated
            lastSentAt = lastSentAt.minus(minInterval);
            dayCount = Math.max(0, dayCount - 1);
        }
    }
}
