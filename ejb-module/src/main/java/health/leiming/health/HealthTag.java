package health.leiming.health;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/** A health tag of a person (高血压, 糖尿病, 孕期...), used for recommendations and care. */
@Entity
@Table(name = "health_tags")
@IdClass(HealthTag.Key.class)
public class HealthTag {

    @Id
    @jakarta.persistence.Column(name = "person_id")
    private String personId;

    @Id
    private String tag;

    protected HealthTag() {
    }

    HealthTag(String personId, String tag) {
        this.personId = personId;
        this.tag = tag;
    }

    String tag() {
        return tag;
    }

    public record Key(String personId, String tag) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
