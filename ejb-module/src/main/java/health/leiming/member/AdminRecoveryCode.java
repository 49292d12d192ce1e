package health.leiming.member;

import health.leiming.platform.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A one-time code that stands in for the second factor when the phone is lost (kept as a hash). */
@Entity
@Table(name = "admin_recovery_codes")
public class AdminRecoveryCode {

    @Id
    private String id;

    @Column(name = "admin_id", nullable = false)
    private String adminId;

    @Column(name = "code_hash", nullable = false)
    private String codeHash;

    @Column(name = "used_at")
    private Instant usedAt;

    protected AdminRecoveryCode() {
    }

    AdminRecoveryCode(String adminId, String codeHash) {
        this.id = Ids.newId();
        this.adminId = adminId;
        this.codeHash = codeHash;
    }

    boolean unused() {
        return usedAt == null;
    }

    String id() {
        return id;
    }
}
