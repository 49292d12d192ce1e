/**
 * Health data: profiles and tags, readings classified by the Chinese guidelines (with risk alerts),
 * daily roll-ups, trends, the dashboard, plans, periodic reports, and lab reports imported from hospitals.
 * Owns the health_* tables, health_daily_stats, lab_reports and lab_results. Raises health.risk-alert and
 * health.report-ready. Uses member (whose people these are) and platform.
 */
package health.leiming.health;
