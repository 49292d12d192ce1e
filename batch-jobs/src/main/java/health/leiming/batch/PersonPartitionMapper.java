package health.leiming.batch;

import jakarta.batch.api.partition.PartitionMapper;
import jakarta.batch.api.partition.PartitionPlan;
import jakarta.batch.api.partition.PartitionPlanImpl;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Properties;

/**
 * Splits the people into id ranges, one partition each: person ids are random UUIDs, so ranges of
 * their first hex digit hold about equal shares. Partitions run on their own threads; a restart
 * reruns only the partitions that had not finished, each from its checkpoint.
 */
@Named("personPartitionMapper")
@Dependent
public class PersonPartitionMapper implements PartitionMapper {

    private static final String HEX = "0123456789abcdef";

    @Inject
    JobContext job;

    @Override
    public PartitionPlan mapPartitions() {
        String configured = job.getProperties().getProperty("partitions");
        int partitions = Math.max(1, Math.min(16, Integer.parseInt(configured == null || configured.isBlank() ? "4" : configured)));
        PartitionPlanImpl plan = new PartitionPlanImpl();
        plan.setPartitions(partitions);
        plan.setThreads(partitions);
        Properties[] ranges = new Properties[partitions];
        for (int i = 0; i < partitions; i++) {
            ranges[i] = new Properties();
            ranges[i].setProperty("lo", bound(i, partitions));
            ranges[i].setProperty("hi", bound(i + 1, partitions));
        }
        plan.setPartitionProperties(ranges);
        return plan;
    }

    /** The i-th of n bounds over the id space: "" below every id, "g" above every (lower-case hex) UUID. */
    static String bound(int i, int n) {
        if (i == 0) {
            return "";
        }
        if (i == n) {
            return "g";
        }
        return String.valueOf(HEX.charAt(i * 16 / n));
    }
}
