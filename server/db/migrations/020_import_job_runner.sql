-- Which process holds a queued or running import job (its pid), so that in cluster mode the primary can mark the jobs
-- of a worker that died as interrupted, as a restart does for a single process.
ALTER TABLE import_jobs ADD COLUMN runner_pid INTEGER;
