-- A scheduled run's server shows it is alive while the run goes on; another server takes over a run whose
-- heartbeat stopped (its server died) and that never finished. Runs claimed before this are finished.
ALTER TABLE job_schedule_claims ADD heartbeat_at TIMESTAMP(6);
ALTER TABLE job_schedule_claims ADD finished_at TIMESTAMP(6);
UPDATE job_schedule_claims SET heartbeat_at = claimed_at, finished_at = claimed_at;
