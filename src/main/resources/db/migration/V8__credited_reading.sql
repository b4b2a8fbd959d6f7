-- Credited reading time: what a phone claims stays in seconds_spent (the audit trail); what could have happened is
-- credited. NULL marks events stored before this migration: the reconciliation credits them (and recomputes the
-- sums and counters that follow), so no table is rewritten here. Both ADD COLUMNs are instant on MySQL 8 / MariaDB.
ALTER TABLE progress_event ADD COLUMN credited_seconds INT NULL;

ALTER TABLE module_progress ADD COLUMN credited_seconds BIGINT NOT NULL DEFAULT 0;

-- A worker's credited seconds as disjoint spans [start_second, end_second) of epoch seconds: one wall-clock second
-- is credited once. A worker who reads in sessions has a few rows; they are read and written under the worker lock.
CREATE TABLE credited_span (
    worker_id     BIGINT  NOT NULL,
    start_second  BIGINT  NOT NULL,
    end_second    BIGINT  NOT NULL,
    PRIMARY KEY (worker_id, start_second),
    CONSTRAINT fk_credited_span_worker FOREIGN KEY (worker_id) REFERENCES worker (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- worker_campaign, org_campaign_count and org_channel_count keep their seconds_spent columns, which now hold
-- credited seconds (the reconciliation recomputes them).
