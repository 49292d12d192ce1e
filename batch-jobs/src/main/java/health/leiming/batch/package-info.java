/**
 * Jakarta Batch artifacts (chunk readers, processors, writers, listeners) for the nightly health
 * reports and appointment reminders; job XML lives in META-INF/batch-jobs/. The jobs arrive with their
 * issues; the module exists now so that the EAR layout is final.
 */
package health.leiming.batch;
