-- The union tree. path is the materialized path of ids ("/1/7/63/"), so a subtree is one
-- indexed range scan: path LIKE '/1/7/%'.
CREATE TABLE organization (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    code        VARCHAR(64)  NOT NULL,
    name        VARCHAR(128) NOT NULL,
    type        VARCHAR(16)  NOT NULL,
    parent_id   BIGINT       NULL,
    path        VARCHAR(512) NOT NULL,
    depth       INT          NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    updated_at  DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_organization_code UNIQUE (code),
    CONSTRAINT fk_organization_parent FOREIGN KEY (parent_id) REFERENCES organization (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX ix_organization_path ON organization (path);
CREATE INDEX ix_organization_parent ON organization (parent_id);

CREATE TABLE worker (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    external_id  VARCHAR(64)  NOT NULL,
    name         VARCHAR(64)  NOT NULL,
    org_id       BIGINT       NOT NULL,
    phone        VARCHAR(20)  NULL,
    source       VARCHAR(16)  NOT NULL,
    created_at   DATETIME(6)  NOT NULL,
    updated_at   DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_worker_external_id UNIQUE (external_id),
    CONSTRAINT fk_worker_org FOREIGN KEY (org_id) REFERENCES organization (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX ix_worker_org ON worker (org_id);

-- Rows of a worker upload in flight; lives only inside the import transaction.
CREATE TABLE worker_import_row (
    import_id    BIGINT       NOT NULL,
    row_no       BIGINT       NOT NULL,
    external_id  VARCHAR(64)  NOT NULL,
    name         VARCHAR(64)  NOT NULL,
    org_id       BIGINT       NOT NULL,
    phone        VARCHAR(20)  NULL,
    PRIMARY KEY (import_id, row_no)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX ix_worker_import_row_external ON worker_import_row (import_id, external_id);
