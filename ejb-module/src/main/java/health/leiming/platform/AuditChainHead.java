package health.leiming.platform;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** The head of the audit chain: the last sealed entry's place and hash (one row, locked while sealing). */
@Entity
@Table(name = "audit_chain")
public class AuditChainHead {

    static final int ID = 1;

    @Id
    private int id;

    @Column(name = "last_seq", nullable = false)
    private long lastSeq;

    @Column(name = "last_hash", nullable = false)
    private String lastHash;

    @Column(name = "sealed_at")
    private Instant sealedAt;

    @Version
    private long version;

    protected AuditChainHead() {
    }

    long lastSeq() {
        return lastSeq;
    }

    String lastHash() {
        return lastHash;
    }

    void advance(long seq, String hash, Instant now) {
        lastSeq = seq;
        lastHash = hash;
        sealedAt = now;
    }
}
