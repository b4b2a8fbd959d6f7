CREATE TABLE notice (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    doc_number      VARCHAR(64)   NOT NULL,
    issuer          VARCHAR(128)  NULL,
    title           VARCHAR(255)  NOT NULL,
    issue_date      DATE          NULL,
    addressees      VARCHAR(1000) NULL,
    cc_line         VARCHAR(1000) NULL,
    issuing_office  VARCHAR(128)  NULL,
    source_hash     VARCHAR(64)   NOT NULL,
    imported_at     DATETIME(6)   NOT NULL,
    imported_by     VARCHAR(64)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_notice_doc_number UNIQUE (doc_number)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- A module keeps its id for life; its text lives in immutable versions that records point at.
CREATE TABLE study_module (
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    notice_id        BIGINT       NOT NULL,
    code             VARCHAR(16)  NOT NULL,
    parent_code      VARCHAR(16)  NULL,
    position         INT          NOT NULL,
    published        BOOLEAN      NOT NULL,
    current_version  INT          NOT NULL,
    updated_at       DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_study_module_code UNIQUE (notice_id, code),
    CONSTRAINT fk_study_module_notice FOREIGN KEY (notice_id) REFERENCES notice (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE module_version (
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    module_id        BIGINT       NOT NULL,
    version          INT          NOT NULL,
    title            VARCHAR(255) NOT NULL,
    paragraphs       LONGTEXT     NOT NULL,
    content_hash     VARCHAR(64)  NOT NULL,
    char_count       INT          NOT NULL,
    origin           VARCHAR(16)  NOT NULL,
    created_at       DATETIME(6)  NOT NULL,
    created_by       VARCHAR(64)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_module_version UNIQUE (module_id, version),
    CONSTRAINT fk_module_version_module FOREIGN KEY (module_id) REFERENCES study_module (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
