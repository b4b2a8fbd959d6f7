-- Counters per org (the worker's own union) kept in the same transaction as the records that change them.
-- Subtree figures are sums over organization.path ranges; dashboards never scan workers or progress.

-- One row per worker and notice: what the org counters are the sum of, and what laggard lists read.
-- started_at stays NULL until the first reading progress (a FINAL attempt alone does not start).
CREATE TABLE worker_campaign (
    worker_id         BIGINT       NOT NULL,
    notice_id         BIGINT       NOT NULL,
    org_id            BIGINT       NOT NULL,
    started_at        DATETIME(6)  NULL,
    last_activity_at  DATETIME(6)  NULL,
    seconds_spent     BIGINT       NOT NULL,
    final_best_score  INT          NULL,
    final_passed      BOOLEAN      NOT NULL,
    completed_at      DATETIME(6)  NULL,
    PRIMARY KEY (worker_id, notice_id),
    CONSTRAINT fk_worker_campaign_worker FOREIGN KEY (worker_id) REFERENCES worker (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX ix_worker_campaign_org ON worker_campaign (org_id, notice_id);

CREATE TABLE worker_active_day (
    worker_id  BIGINT  NOT NULL,
    notice_id  BIGINT  NOT NULL,
    activity_day  DATE    NOT NULL,
    PRIMARY KEY (worker_id, notice_id, activity_day)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE org_worker_count (
    org_id   BIGINT  NOT NULL,
    workers  INT     NOT NULL,
    PRIMARY KEY (org_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE org_campaign_count (
    org_id            BIGINT  NOT NULL,
    notice_id         BIGINT  NOT NULL,
    started           INT     NOT NULL,
    completed         INT     NOT NULL,
    seconds_spent     BIGINT  NOT NULL,
    final_attempted   INT     NOT NULL,
    final_best_sum    BIGINT  NOT NULL,
    final_passed      INT     NOT NULL,
    PRIMARY KEY (org_id, notice_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE org_module_count (
    org_id          BIGINT  NOT NULL,
    module_id       BIGINT  NOT NULL,
    started         INT     NOT NULL,
    completed       INT     NOT NULL,
    quiz_attempted  INT     NOT NULL,
    quiz_best_sum   BIGINT  NOT NULL,
    PRIMARY KEY (org_id, module_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE org_day_count (
    org_id          BIGINT  NOT NULL,
    notice_id       BIGINT  NOT NULL,
    activity_day    DATE    NOT NULL,
    completions     INT     NOT NULL,
    active_workers  INT     NOT NULL,
    PRIMARY KEY (org_id, notice_id, activity_day)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE org_channel_count (
    org_id         BIGINT      NOT NULL,
    notice_id      BIGINT      NOT NULL,
    channel        VARCHAR(8)  NOT NULL,
    events         BIGINT      NOT NULL,
    seconds_spent  BIGINT      NOT NULL,
    PRIMARY KEY (org_id, notice_id, channel)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Item analysis: how often each question was asked and answered right, and each option picked.
CREATE TABLE org_question_count (
    org_id       BIGINT  NOT NULL,
    question_id  BIGINT  NOT NULL,
    asked        INT     NOT NULL,
    correct      INT     NOT NULL,
    PRIMARY KEY (org_id, question_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE org_option_count (
    org_id       BIGINT      NOT NULL,
    question_id  BIGINT      NOT NULL,
    option_key   VARCHAR(2)  NOT NULL,
    picks        INT         NOT NULL,
    PRIMARY KEY (org_id, question_id, option_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Nightly jobs run once per day across all replicas: the first pod to insert the row runs it.
CREATE TABLE scheduled_run (
    job       VARCHAR(32)  NOT NULL,
    run_date  DATE         NOT NULL,
    PRIMARY KEY (job, run_date)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
