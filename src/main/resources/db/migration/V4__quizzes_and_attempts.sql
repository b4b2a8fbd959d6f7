CREATE TABLE quiz (
    id                  BIGINT        NOT NULL AUTO_INCREMENT,
    title               VARCHAR(200)  NOT NULL,
    kind                VARCHAR(16)   NOT NULL,
    notice_id           BIGINT        NULL,
    module_code         VARCHAR(16)   NULL,
    question_count      INT           NOT NULL,
    draw_module_codes   VARCHAR(400)  NULL,
    draw_types          VARCHAR(200)  NULL,
    draw_tags           VARCHAR(400)  NULL,
    pass_score          INT           NOT NULL,
    time_limit_seconds  INT           NOT NULL,
    max_attempts        INT           NULL,
    opens_at            DATETIME(6)   NULL,
    closes_at           DATETIME(6)   NULL,
    shuffle_questions   BOOLEAN       NOT NULL,
    shuffle_options     BOOLEAN       NOT NULL,
    active              BOOLEAN       NOT NULL,
    default_key         VARCHAR(64)   NULL,
    revision            INT           NOT NULL,
    created_at          DATETIME(6)   NOT NULL,
    updated_at          DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_quiz_default_key UNIQUE (default_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- open_key is "<worker>:<quiz>" while an attempt is in progress and NULL afterwards, so the unique
-- index allows one attempt in progress per worker and quiz without locking anything shared.
CREATE TABLE quiz_attempt (
    id               VARCHAR(36)   NOT NULL,
    quiz_id          BIGINT        NOT NULL,
    worker_id        BIGINT        NOT NULL,
    status           VARCHAR(16)   NOT NULL,
    open_key         VARCHAR(48)   NULL,
    attempt_day      DATE          NULL,
    started_at       DATETIME(6)   NOT NULL,
    deadline         DATETIME(6)   NOT NULL,
    submitted_at     DATETIME(6)   NULL,
    score            INT           NULL,
    passed           BOOLEAN       NULL,
    draw             TEXT          NOT NULL,
    idempotency_key  VARCHAR(128)  NULL,
    request_hash     VARCHAR(64)   NULL,
    response_body    LONGTEXT      NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_quiz_attempt_open UNIQUE (open_key),
    CONSTRAINT fk_quiz_attempt_quiz FOREIGN KEY (quiz_id) REFERENCES quiz (id),
    CONSTRAINT fk_quiz_attempt_worker FOREIGN KEY (worker_id) REFERENCES worker (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX ix_quiz_attempt_worker ON quiz_attempt (worker_id, quiz_id);

-- One row per question asked, with the version asked and the options picked (original keys).
-- picked_keys spells the picked option keys together ("ACD") so item analysis can count them in plain SQL.
CREATE TABLE attempt_answer (
    attempt_id        VARCHAR(36)   NOT NULL,
    position          INT           NOT NULL,
    question_id       BIGINT        NOT NULL,
    question_version  INT           NOT NULL,
    response          TEXT          NOT NULL,
    picked_keys       VARCHAR(8)    NULL,
    correct           BOOLEAN       NOT NULL,
    PRIMARY KEY (attempt_id, position),
    CONSTRAINT fk_attempt_answer_attempt FOREIGN KEY (attempt_id) REFERENCES quiz_attempt (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX ix_attempt_answer_question ON attempt_answer (question_id);
