-- Bulk reads of personal data are audited with the number of rows they returned; other entries leave it NULL.
ALTER TABLE audit_entry ADD COLUMN rows_read BIGINT NULL;

-- At most one holder per job across every pod. The lease expires, so a pod that crashed while holding it
-- cannot block the job for longer than one lease; the holder renews it while it works.
CREATE TABLE job_lease (
    job         VARCHAR(32)  NOT NULL,
    holder      VARCHAR(64)  NULL,
    expires_at  DATETIME(6)  NOT NULL,
    PRIMARY KEY (job)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

INSERT INTO job_lease (job, holder, expires_at) VALUES ('stats-reconcile', NULL, TIMESTAMP '1970-01-02 00:00:00');
