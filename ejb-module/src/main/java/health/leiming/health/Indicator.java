package health.leiming.health;

/**
 * How a reading compares with the guideline: a stable level code, a Chinese description for the
 * member, the guideline it follows, and whether it is dangerous enough to raise a risk alert.
 */
public record Indicator(String level, String description, String guideline, boolean alert) {
}
