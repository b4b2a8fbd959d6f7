-- Issue #12: any official document can be imported; one without a doc number is identified by title and date.
ALTER TABLE notice ADD COLUMN identity_key VARCHAR(300) NULL;
ALTER TABLE notice ADD COLUMN signature VARCHAR(255) NULL;
UPDATE notice SET identity_key = CONCAT('doc:', doc_number);
ALTER TABLE notice MODIFY COLUMN identity_key VARCHAR(300) NOT NULL;
ALTER TABLE notice MODIFY COLUMN doc_number VARCHAR(64) NULL;
ALTER TABLE notice ADD CONSTRAINT uk_notice_identity UNIQUE (identity_key);
