-- A scheduled run's server shows it is alive while the run goes on; another server takes over a run whose
-- heartbeat stopped (its server died) and that never finished. Runs claimed before this are finished.
ALTER TABLE job_schedule_claims ADD COLUMN heartbeat_at DATETIME(6) NULL;
ALTER TABLE job_schedule_claims ADD COLUMN finished_at DATETIME(6) NULL;
UPDATE job_schedule_claims SET heartbeat_at = claimed_at, finished_at = claimed_at;
