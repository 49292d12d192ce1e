package health.leiming.interop;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/**
 * The identifier a hospital gave an Observation it sent, and the reading it became: the same Observation
 * sent again finds its reading instead of recording it twice (on every server: the primary key).
 */
@Entity
@Table(name = "fhir_observation_ids")
@IdClass(ObservationId.Key.class)
class ObservationId {

    @Id
    @Column(name = "hospital_id")
    private String hospitalId;

    @Id
    @Column(name = "id_system")
    private String system;

    @Id
    @Column(name = "id_value")
    private String value;

    @Column(name = "person_id", nullable = false)
    private String personId;

    @Column(name = "record_id")
    private String recordId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ObservationId() {
    }

    ObservationId(String hospitalId, String system, String value, String personId, Instant now) {
        this.hospitalId = hospitalId;
        this.system = system;
        this.value = value;
        this.personId = personId;
        this.createdAt = now;
    }

    String personId() {
        return personId;
    }

    String recordId() {
        return recordId;
    }

    void recorded(String recordId) {
        this.recordId = recordId;
    }

    /** The composite key: hospital, identifier system, identifier value. */
    public record Key(String hospitalId, String system, String value) implements Serializable {
        public Key() {
            this(null, null, null);
        }
    }
}
