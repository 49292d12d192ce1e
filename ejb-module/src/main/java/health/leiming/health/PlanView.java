package health.leiming.health;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A plan with its adherence: days the goal was met out of the days since it started. */
public record PlanView(String id, String personId, String title, String kind, String type, BigDecimal target,
        String context, String status, LocalDate startDate, LocalDate endDate, Adherence adherence) {

    public record Adherence(long daysMet, long days, BigDecimal rate) {
    }
}
