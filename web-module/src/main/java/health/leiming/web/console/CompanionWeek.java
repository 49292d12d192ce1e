package health.leiming.web.console;

import health.leiming.care.BookingRules;
import health.leiming.care.SlotGrid;
import health.leiming.order.AdminOrders;
import health.leiming.order.OrderService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * 陪诊员 → 排班: a companion's week as a grid of the day's slots (rows) by day (columns), each slot
 * showing the order that holds it, or that the companion does not work that day. The week is chosen
 * by its Monday ({@code week}, default this week). The slot grid's settings are shown with it: they
 * are the server's configuration (leiming.booking.*), the same for every service.
 */
@Named
@RequestScoped
public class CompanionWeek {

    private static final String[] DAY_NAMES = {"周一", "周二", "周三", "周四", "周五", "周六", "周日"};

    @Inject
    AdminOrders orders;

    @Inject
    BookingRules rules;

    private Week week;

    /** The week of the companion named by the page's id parameter, built once per request. */
    public Week week(String staffId, List<Integer> workDays) {
        if (week == null) {
            week = build(staffId, workDays, monday());
        }
        return week;
    }

    private LocalDate monday() {
        String given = Console.param("week");
        LocalDate day;
        try {
            day = given == null || given.isBlank() ? LocalDate.now(rules.grid().zone()) : LocalDate.parse(given.strip());
        } catch (DateTimeParseException e) {
            day = LocalDate.now(rules.grid().zone());
        }
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private Week build(String staffId, List<Integer> workDays, LocalDate monday) {
        SlotGrid grid = rules.grid();
        Map<Instant, OrderService.OrderDetail> held = new HashMap<>();
        for (OrderService.OrderDetail order : orders.companionsOrders(staffId, monday, monday.plusDays(7))) {
            grid.occupied(order.appointment().scheduledTime(), order.appointment().durationMinutes())
                    .forEach(slot -> held.put(slot, order));
        }
        List<Day> days = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            LocalDate date = monday.plusDays(i);
            days.add(new Day(date, DAY_NAMES[i] + " " + date.getMonthValue() + "/" + date.getDayOfMonth(),
                    workDays.contains(date.getDayOfWeek().getValue())));
        }
        List<Row> rows = new ArrayList<>();
        for (LocalTime time : grid.starts()) {
            List<Cell> cells = days.stream().map(day -> {
                OrderService.OrderDetail order = held.get(grid.at(day.date(), time));
                return order == null ? new Cell(day.works(), null, null, null, null, false)
                        : new Cell(true, order.order().id(), order.order().orderNo(), order.order().status(),
                                order.order().service().name(), order.appointment().scheduledTime()
                                        .equals(grid.at(day.date(), time)));
            }).toList();
            rows.add(new Row(time.toString(), cells));
        }
        long booked = held.values().stream().distinct().count();
        return new Week(monday, monday.minusWeeks(1), monday.plusWeeks(1), days, rows, booked);
    }

    /** The week's grid; previous and next name the neighbouring weeks' Mondays. */
    public record Week(LocalDate monday, LocalDate previous, LocalDate next, List<Day> days, List<Row> rows,
            long appointments) {
    }

    public record Day(LocalDate date, String label, boolean works) {
    }

    public record Row(String time, List<Cell> cells) {
    }

    /** One slot of one day: free (works), off (not works), or held by an order (first: its starting slot). */
    public record Cell(boolean works, String orderId, String orderNo, String status, String serviceName, boolean first) {
    }

    /** The settings in words, as an operator reads them. */
    public String getSettingsText() {
        BookingRules.Settings settings = rules.settings();
        Duration lead = settings.leadTime();
        return "每天 " + settings.opens() + "–" + settings.closes() + "，每格 " + settings.slotMinutes() + " 分钟；至少提前 "
                + (lead.toMinutes() % 60 == 0 ? lead.toHours() + " 小时" : lead.toMinutes() + " 分钟") + "预约，可约 "
                + settings.daysAhead() + " 天内";
    }
}
