package health.leiming.member;

import health.leiming.platform.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** An operator who manages the catalog, orders and members: a username and a password hash. */
@Entity
@Table(name = "admins")
public class AdminAccount {

    @Id
    private String id;

    @Column(nullable = false)
    private String username;

    /** Jakarta Security's PBKDF2 hash (algorithm:iterations:salt:hash); never the password. */
    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    private String name;

    @Column(nullable = false)
    private String status;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected AdminAccount() {
    }

    AdminAccount(String username, String passwordHash, String name, Instant now) {
        this.id = Ids.newId();
        this.username = username;
        this.passwordHash = passwordHash;
        this.name = name;
        this.status = "active";
        this.createdAt = now;
        this.updatedAt = now;
    }

    boolean active() {
        return "active".equals(status);
    }

    String id() {
        return id;
    }

    String username() {
        return username;
    }

    String name() {
        return name;
    }

    String passwordHash() {
        return passwordHash;
    }
}
