-- Key phrases found in one version of a module; kept per version because questions cite them.
CREATE TABLE key_phrase (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    module_id        BIGINT        NOT NULL,
    module_version   INT           NOT NULL,
    kind             VARCHAR(16)   NOT NULL,
    text             VARCHAR(255)  NOT NULL,
    sentence         VARCHAR(2000) NOT NULL,
    paragraph_index  INT           NOT NULL,
    start_offset     INT           NOT NULL,
    end_offset       INT           NOT NULL,
    occurrences      INT           NOT NULL,
    number_value     INT           NULL,
    counter          VARCHAR(8)    NULL,
    items            TEXT          NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_key_phrase_module FOREIGN KEY (module_id) REFERENCES study_module (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX ix_key_phrase_module ON key_phrase (module_id, module_version);

-- An uploaded file; the checksum recognises the same file uploaded twice.
CREATE TABLE question_bank (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    name            VARCHAR(255)  NOT NULL,
    format          VARCHAR(8)    NOT NULL,
    checksum        VARCHAR(64)   NOT NULL,
    question_count  INT           NOT NULL,
    created_at      DATETIME(6)   NOT NULL,
    created_by      VARCHAR(64)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_question_bank_checksum UNIQUE (checksum)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- A question keeps its id for life; what was asked lives in immutable question_version rows.
CREATE TABLE question (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    source           VARCHAR(16)   NOT NULL,
    bank_id          BIGINT        NULL,
    notice_id        BIGINT        NULL,
    type             VARCHAR(16)   NOT NULL,
    status           VARCHAR(16)   NOT NULL,
    module_code      VARCHAR(16)   NULL,
    key_phrase       VARCHAR(255)  NULL,
    tags             VARCHAR(400)  NULL,
    fingerprint      VARCHAR(64)   NOT NULL,
    source_group     VARCHAR(64)   NULL,
    current_version  INT           NOT NULL,
    created_at       DATETIME(6)   NOT NULL,
    updated_at       DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_question_bank FOREIGN KEY (bank_id) REFERENCES question_bank (id),
    CONSTRAINT fk_question_notice FOREIGN KEY (notice_id) REFERENCES notice (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX ix_question_filter ON question (source, status, module_code, type);
CREATE INDEX ix_question_fingerprint ON question (fingerprint);
CREATE INDEX ix_question_bank ON question (bank_id);

CREATE TABLE question_version (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    question_id  BIGINT        NOT NULL,
    version      INT           NOT NULL,
    stem         VARCHAR(2000) NOT NULL,
    options      TEXT          NOT NULL,
    answer       TEXT          NOT NULL,
    explanation  TEXT          NULL,
    created_at   DATETIME(6)   NOT NULL,
    created_by   VARCHAR(64)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_question_version UNIQUE (question_id, version),
    CONSTRAINT fk_question_version_question FOREIGN KEY (question_id) REFERENCES question (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
