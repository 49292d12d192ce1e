package health.leiming.interop;

import health.leiming.platform.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One NDJSON file of a Bulk Data export: up to a thousand resources of one type, one per line. */
@Entity
@Table(name = "fhir_bulk_files")
public class BulkFile {

    @Id
    private String id;

    @Column(name = "export_id", nullable = false)
    private String exportId;

    @Column(name = "resource_type", nullable = false)
    private String resourceType;

    @Column(nullable = false)
    private int seq;

    @Column(nullable = false)
    private int resources;

    @Column(nullable = false)
    private String content;

    protected BulkFile() {
    }

    BulkFile(String exportId, String resourceType, int seq, int resources, String content) {
        this.id = Ids.newId();
        this.exportId = exportId;
        this.resourceType = resourceType;
        this.seq = seq;
        this.resources = resources;
        this.content = content;
    }

    String id() {
        return id;
    }

    String exportId() {
        return exportId;
    }

    String resourceType() {
        return resourceType;
    }

    int resources() {
        return resources;
    }

    String content() {
        return content;
    }
}
