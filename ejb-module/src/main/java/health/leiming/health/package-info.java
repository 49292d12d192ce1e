/**
 * Health data: profiles and tags, readings classified by the Chinese guidelines (with risk alerts),
 * daily roll-ups, trends, the dashboard, plans, and periodic reports. Owns the health_* tables and
 * health_daily_stats. Raises health.risk-alert and health.report-ready. Uses member (whose people
 * these are) and platform.
 */
package health.leiming.health;
