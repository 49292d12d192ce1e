package health.leiming.order;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The last order number handed out on a business day (yyyyMMdd). */
@Entity
@Table(name = "order_sequences")
public class OrderSequence {

    @Id
    @Column(name = "seq_day")
    private String day;

    @Column(name = "last_number", nullable = false)
    private long lastNumber;

    protected OrderSequence() {
    }

    OrderSequence(String day) {
        this.day = day;
    }

    long next() {
        return ++lastNumber;
    }
}
