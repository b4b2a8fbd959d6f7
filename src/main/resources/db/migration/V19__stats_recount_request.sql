-- Subtrees whose counters a campaign change made stale (publishing it over documents already read, or a published
-- campaign's audience or materials changed): the next CHANGED check recounts every union under each, as if a live
-- write had changed its counters. A check that verifies a mark deletes the requests older than it.
CREATE TABLE stats_recount_request (
    org_id        BIGINT       NOT NULL,
    requested_at  DATETIME(6)  NOT NULL,
    PRIMARY KEY (org_id),
    CONSTRAINT fk_stats_recount_request_org FOREIGN KEY (org_id) REFERENCES organization (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
