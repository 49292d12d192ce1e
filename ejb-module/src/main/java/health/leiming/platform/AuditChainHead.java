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
    static final String GENESIS = "genesis";

    @Id
    private int id;

    @Column(name = "last_seq", nullable = false)
    private long lastSeq;

    @Column(name = "last_hash", nullable = false)
    private String lastHash;

    @Column(name = "sealed_at")
    private Instant sealedAt;

    /** Where the chain starts now that older entries were purged (1 until then). */
    @Column(name = "first_seq", nullable = false)
    private long firstSeq = 1;

    /** The hash the first remaining entry follows: the last purged entry's ("genesis" until then). */
    @Column(name = "first_prev_hash", nullable = false)
    private String firstPrevHash = GENESIS;

    /** The server's keyed hash over the start (null until a purge): nobody else can move it. */
    @Column(name = "anchor_mac")
    private String anchorMac;

    @Column(name = "purged_at")
    private Instant purgedAt;

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

    long firstSeq() {
        return firstSeq;
    }

    String firstPrevHash() {
        return firstPrevHash;
    }

    /** What the anchor's keyed hash covers. */
    String anchor() {
        return firstSeq + "|" + firstPrevHash;
    }

    /** Whether the start is the original one, or one the server set (its keyed hash matches). */
    boolean anchorTrusted(FieldCipher keys, String purpose) {
        return anchorMac == null ? firstSeq == 1 && GENESIS.equals(firstPrevHash)
                : keys.macMatches(purpose, anchor(), anchorMac);
    }

    /** The entries up to seq were purged: the chain starts after it, following its hash. */
    void startAfter(long seq, String hash, FieldCipher keys, String purpose, Instant now) {
        firstSeq = seq + 1;
        firstPrevHash = hash;
        anchorMac = keys.mac(purpose, anchor());
        purgedAt = now;
    }

    void advance(long seq, String hash, Instant now) {
        lastSeq = seq;
        lastHash = hash;
        sealedAt = now;
    }
}
