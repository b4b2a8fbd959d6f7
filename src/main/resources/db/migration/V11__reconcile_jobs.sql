-- A reconciliation runs as a job that admins poll: where it is and the drift found so far, per table. holder is
-- the job_lease holder that runs it; a RUNNING job whose holder no longer holds the lease was abandoned by its pod.
CREATE TABLE stats_reconcile_job (
    id              VARCHAR(36)   NOT NULL,
    holder          VARCHAR(64)   NOT NULL,
    kind            VARCHAR(16)   NOT NULL,
    requested_by    VARCHAR(128)  NOT NULL,
    state           VARCHAR(16)   NOT NULL,
    phase           VARCHAR(16)   NOT NULL,
    rows_done       BIGINT        NOT NULL,
    rows_estimated  BIGINT        NOT NULL,
    started_at      DATETIME(6)   NOT NULL,
    finished_at     DATETIME(6)   NULL,
    failure         VARCHAR(500)  NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX ix_stats_reconcile_job_started ON stats_reconcile_job (started_at);

CREATE TABLE stats_reconcile_drift (
    job_id        VARCHAR(36)  NOT NULL,
    table_name    VARCHAR(32)  NOT NULL,
    position      INT          NOT NULL,
    drifted_rows  BIGINT       NOT NULL,
    PRIMARY KEY (job_id, table_name),
    CONSTRAINT fk_stats_reconcile_drift_job FOREIGN KEY (job_id) REFERENCES stats_reconcile_job (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- The moment of the last snapshot a check found consistent (less a margin for transactions still open then): the
-- nightly check reads only the unions whose counter rows live writes changed since.
CREATE TABLE stats_check_mark (
    job          VARCHAR(32)  NOT NULL,
    verified_at  DATETIME(6)  NOT NULL,
    PRIMARY KEY (job)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- When a live write last changed each counter row (NULL: not since this migration). Nullable columns added last
-- are instant on MySQL 8 and MariaDB; no index, the nightly check reads these small tables whole.
ALTER TABLE org_worker_count ADD COLUMN changed_at DATETIME(6) NULL;
ALTER TABLE org_campaign_count ADD COLUMN changed_at DATETIME(6) NULL;
ALTER TABLE org_question_count ADD COLUMN changed_at DATETIME(6) NULL;
ALTER TABLE org_option_count ADD COLUMN changed_at DATETIME(6) NULL;
ALTER TABLE org_day_count ADD COLUMN changed_at DATETIME(6) NULL;
ALTER TABLE org_channel_count ADD COLUMN changed_at DATETIME(6) NULL;
ALTER TABLE org_module_count ADD COLUMN changed_at DATETIME(6) NULL;
