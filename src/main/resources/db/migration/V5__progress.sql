-- Raw reading events: the audit trail. The primary key makes an event id count once per worker.
CREATE TABLE progress_event (
    worker_id       BIGINT       NOT NULL,
    event_id        VARCHAR(36)  NOT NULL,
    module_id       BIGINT       NOT NULL,
    module_version  INT          NOT NULL,
    percent         INT          NOT NULL,
    seconds_spent   INT          NOT NULL,
    occurred_at     DATETIME(6)  NOT NULL,
    received_at     DATETIME(6)  NOT NULL,
    channel         VARCHAR(8)   NOT NULL,
    PRIMARY KEY (worker_id, event_id),
    CONSTRAINT fk_progress_event_worker FOREIGN KEY (worker_id) REFERENCES worker (id),
    CONSTRAINT fk_progress_event_module FOREIGN KEY (module_id) REFERENCES study_module (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX ix_progress_event_received ON progress_event (received_at);

-- Merged state per worker and module: percent only rises, seconds add up, completed_at is set once.
CREATE TABLE module_progress (
    worker_id          BIGINT       NOT NULL,
    module_id          BIGINT       NOT NULL,
    percent            INT          NOT NULL,
    seconds_spent      BIGINT       NOT NULL,
    first_activity_at  DATETIME(6)  NOT NULL,
    last_activity_at   DATETIME(6)  NOT NULL,
    completed_at       DATETIME(6)  NULL,
    PRIMARY KEY (worker_id, module_id),
    CONSTRAINT fk_module_progress_worker FOREIGN KEY (worker_id) REFERENCES worker (id),
    CONSTRAINT fk_module_progress_module FOREIGN KEY (module_id) REFERENCES study_module (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX ix_module_progress_completed ON module_progress (completed_at);

CREATE TABLE campaign_completion (
    worker_id     BIGINT       NOT NULL,
    notice_id     BIGINT       NOT NULL,
    completed_at  DATETIME(6)  NOT NULL,
    PRIMARY KEY (worker_id, notice_id),
    CONSTRAINT fk_campaign_completion_worker FOREIGN KEY (worker_id) REFERENCES worker (id),
    CONSTRAINT fk_campaign_completion_notice FOREIGN KEY (notice_id) REFERENCES notice (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX ix_quiz_attempt_submitted ON quiz_attempt (submitted_at);
