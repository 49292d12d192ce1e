/**
 * What every context shares and nothing else: business errors and their kinds, ids, text helpers,
 * masking and field encryption of personal data, the audit trail of access to health data, logs with
 * request ids, schema migration, scheduled-run claims and batch skips, paging, and the background
 * loop. Owns audit_log, job_schedule_claims, batch_skips (and, in events, outbox_events and
 * processed_events). Uses nothing of ours.
 */
package health.leiming.platform;
