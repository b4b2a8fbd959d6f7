-- Who did what to which target, for every admin action that changed something.
CREATE TABLE audit_entry (
    id        BIGINT         NOT NULL AUTO_INCREMENT,
    at        DATETIME(6)    NOT NULL,
    actor     VARCHAR(64)    NOT NULL,
    role      VARCHAR(16)    NOT NULL,
    action    VARCHAR(48)    NOT NULL,
    target    VARCHAR(255)   NOT NULL,
    detail    VARCHAR(1000)  NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX ix_audit_entry_at ON audit_entry (at);
