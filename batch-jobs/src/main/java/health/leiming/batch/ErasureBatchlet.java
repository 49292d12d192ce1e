package health.leiming.batch;

import health.leiming.platform.Logs;
import health.leiming.privacy.AccountErasure;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Erases the accounts whose cooling-off has ended, each in a transaction of its own (AccountErasure), until
 * none is left or the job is stopped. An account with an order under way waits for the next run. A run that
 * stops half way leaves every account erased or untouched; the next one goes on.
 */
@Named("erasureBatchlet")
@Dependent
public class ErasureBatchlet extends AbstractBatchlet {

    private static final Logger LOG = Logs.get(ErasureBatchlet.class);
    static final int BATCH = 1_000;

    @Inject
    AccountErasure erasure;

    @Inject
    StepContext step;

    private volatile boolean stopped;

    @Override
    public String process() {
        Instant now = Instant.now();
        Set<String> tried = new HashSet<>();
        int erased = 0;
        int waiting = 0;
        while (!stopped) {
            List<String> due = erasure.due(now, BATCH).stream().filter(tried::add).toList();
            if (due.isEmpty()) {
                break;
            }
            for (String memberId : due) {
                if (stopped) {
                    break;
                }
                AccountErasure.Outcome outcome = erasure.erase(memberId, now);
                if (outcome.erased()) {
                    erasure.forget(memberId);
                    erased++;
                } else if (outcome.waitingBecause() != null) {
                    waiting++;
                }
            }
        }
        String summary = "erased " + erased + " accounts, " + waiting + " waiting for an order to end";
        step.setExitStatus(summary);
        LOG.info(() -> "Erasure: " + summary);
        return stopped ? "STOPPED" : "COMPLETED";
    }

    @Override
    public void stop() {
        stopped = true;
    }
}
