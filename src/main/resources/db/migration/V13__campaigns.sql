-- Campaigns (学习活动): study drives with their own materials, window, audience and completion rule (issue #13).
-- Until now every imported notice was its own campaign; here each notice becomes one, keeping its id, so that every
-- record, attempt and counter keyed by the notice stays valid under the campaign's key.
CREATE TABLE campaign (
    id            BIGINT         NOT NULL AUTO_INCREMENT,
    title         VARCHAR(200)   NOT NULL,
    description   VARCHAR(4000)  NOT NULL,
    status        VARCHAR(16)    NOT NULL,
    opens_at      DATETIME(6)    NULL,
    closes_at     DATETIME(6)    NULL,
    final_pass_score  INT        NOT NULL,
    revision      INT            NOT NULL,
    published_at  DATETIME(6)    NULL,
    created_at    DATETIME(6)    NOT NULL,
    created_by    VARCHAR(64)    NOT NULL,
    updated_at    DATETIME(6)    NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX ix_campaign_status ON campaign (status, published_at);

-- The documents a campaign studies, in order; a document may belong to several campaigns.
CREATE TABLE campaign_material (
    campaign_id  BIGINT  NOT NULL,
    notice_id    BIGINT  NOT NULL,
    position     INT     NOT NULL,
    PRIMARY KEY (campaign_id, notice_id),
    CONSTRAINT fk_campaign_material_campaign FOREIGN KEY (campaign_id) REFERENCES campaign (id),
    CONSTRAINT fk_campaign_material_notice FOREIGN KEY (notice_id) REFERENCES notice (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX ix_campaign_material_notice ON campaign_material (notice_id);

-- The org subtrees a campaign is open to: every union whose path starts with one of these unions' paths.
CREATE TABLE campaign_audience (
    campaign_id  BIGINT  NOT NULL,
    org_id       BIGINT  NOT NULL,
    PRIMARY KEY (campaign_id, org_id),
    CONSTRAINT fk_campaign_audience_campaign FOREIGN KEY (campaign_id) REFERENCES campaign (id),
    CONSTRAINT fk_campaign_audience_org FOREIGN KEY (org_id) REFERENCES organization (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Published modules of the materials that completion does not require (every other one is required).
CREATE TABLE campaign_optional_module (
    campaign_id  BIGINT  NOT NULL,
    module_id    BIGINT  NOT NULL,
    PRIMARY KEY (campaign_id, module_id),
    CONSTRAINT fk_campaign_optional_campaign FOREIGN KEY (campaign_id) REFERENCES campaign (id),
    CONSTRAINT fk_campaign_optional_module FOREIGN KEY (module_id) REFERENCES study_module (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- FINAL and DAILY quizzes belong to one campaign; MODULE quizzes follow their module into every campaign.
ALTER TABLE quiz ADD COLUMN campaign_id BIGINT NULL;
CREATE INDEX ix_quiz_campaign ON quiz (campaign_id, kind);

-- Today's data: the notice of the configured doc number becomes the published campaign every union studies; any
-- other imported notice becomes a draft campaign of its own, so its counters are kept for an admin to publish.
INSERT INTO campaign (id, title, description, status, opens_at, closes_at, final_pass_score, revision, published_at,
                      created_at, created_by, updated_at)
SELECT n.id,
       CASE WHEN n.doc_number = '${campaignDocNumber}' THEN '学习宣传贯彻党的二十大精神' ELSE n.title END,
       CASE WHEN n.doc_number = '${campaignDocNumber}' THEN n.title ELSE '' END,
       CASE WHEN n.doc_number = '${campaignDocNumber}' THEN 'PUBLISHED' ELSE 'DRAFT' END,
       NULL, NULL,
       COALESCE((SELECT MAX(q.pass_score) FROM quiz q WHERE q.notice_id = n.id AND q.kind = 'FINAL'), 80), 1,
       CASE WHEN n.doc_number = '${campaignDocNumber}' THEN n.imported_at ELSE NULL END,
       n.imported_at, n.imported_by, n.imported_at
FROM notice n;

INSERT INTO campaign_material (campaign_id, notice_id, position) SELECT id, id, 1 FROM notice;

INSERT INTO campaign_audience (campaign_id, org_id)
SELECT c.id, o.id FROM campaign c CROSS JOIN organization o WHERE o.parent_id IS NULL;

UPDATE quiz SET campaign_id = notice_id WHERE kind IN ('FINAL', 'DAILY') AND notice_id IS NOT NULL;

-- The per-campaign records and counters were keyed by the notice; the key keeps its values and takes its name.
ALTER TABLE campaign_completion DROP FOREIGN KEY fk_campaign_completion_notice;
ALTER TABLE campaign_completion RENAME COLUMN notice_id TO campaign_id;
ALTER TABLE campaign_completion ADD CONSTRAINT fk_campaign_completion_campaign
    FOREIGN KEY (campaign_id) REFERENCES campaign (id);
ALTER TABLE worker_campaign RENAME COLUMN notice_id TO campaign_id;
ALTER TABLE worker_active_day RENAME COLUMN notice_id TO campaign_id;
ALTER TABLE org_campaign_count RENAME COLUMN notice_id TO campaign_id;
ALTER TABLE org_day_count RENAME COLUMN notice_id TO campaign_id;
ALTER TABLE org_channel_count RENAME COLUMN notice_id TO campaign_id;
