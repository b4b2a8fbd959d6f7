-- Item analysis (issue #14). Each worker's first attempt at a campaign's FINAL, when submitted in time, is counted
-- per union like every org_* counter: per question and rest-of-test score (the attempt's other questions answered
-- right), and per position of the attempt. test_length is the number of questions the attempt asked.
CREATE TABLE org_item_count (
    org_id       BIGINT       NOT NULL,
    quiz_id      BIGINT       NOT NULL,
    test_length  INT          NOT NULL,
    question_id  BIGINT       NOT NULL,
    rest_score   INT          NOT NULL,
    attempts     INT          NOT NULL,
    correct      INT          NOT NULL,
    changed_at   DATETIME(6)  NULL,
    PRIMARY KEY (org_id, quiz_id, test_length, question_id, rest_score)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE org_position_count (
    org_id       BIGINT       NOT NULL,
    quiz_id      BIGINT       NOT NULL,
    test_length  INT          NOT NULL,
    position     INT          NOT NULL,
    attempts     INT          NOT NULL,
    correct      INT          NOT NULL,
    changed_at   DATETIME(6)  NULL,
    PRIMARY KEY (org_id, quiz_id, test_length, position)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Subtree totals of the item counters: the row of an org counts the workers of its whole subtree, so that any
-- union's item analysis reads its own few rows instead of summing the rows of every union below it. A submission
-- adds to the rows of its union and of each of its ancestors, in the same transaction as the org_* rows.
CREATE TABLE subtree_question_count (
    org_id       BIGINT       NOT NULL,
    question_id  BIGINT       NOT NULL,
    asked        INT          NOT NULL,
    correct      INT          NOT NULL,
    changed_at   DATETIME(6)  NULL,
    PRIMARY KEY (org_id, question_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE subtree_option_count (
    org_id       BIGINT       NOT NULL,
    question_id  BIGINT       NOT NULL,
    option_key   VARCHAR(2)   NOT NULL,
    picks        INT          NOT NULL,
    changed_at   DATETIME(6)  NULL,
    PRIMARY KEY (org_id, question_id, option_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE subtree_item_count (
    org_id       BIGINT       NOT NULL,
    quiz_id      BIGINT       NOT NULL,
    test_length  INT          NOT NULL,
    question_id  BIGINT       NOT NULL,
    rest_score   INT          NOT NULL,
    attempts     INT          NOT NULL,
    correct      INT          NOT NULL,
    changed_at   DATETIME(6)  NULL,
    PRIMARY KEY (org_id, quiz_id, test_length, question_id, rest_score)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE subtree_position_count (
    org_id       BIGINT       NOT NULL,
    quiz_id      BIGINT       NOT NULL,
    test_length  INT          NOT NULL,
    position     INT          NOT NULL,
    attempts     INT          NOT NULL,
    correct      INT          NOT NULL,
    changed_at   DATETIME(6)  NULL,
    PRIMARY KEY (org_id, quiz_id, test_length, position)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Today's answer and pick counters summed over each org's subtree. The new FINAL counters start empty: a
-- reconciliation builds them, and their subtree totals, from the stored first attempts (see README).
INSERT INTO subtree_question_count (org_id, question_id, asked, correct)
SELECT a.id, c.question_id, SUM(c.asked), SUM(c.correct)
FROM organization a JOIN organization o ON o.path LIKE CONCAT(a.path, '%')
JOIN org_question_count c ON c.org_id = o.id
GROUP BY a.id, c.question_id;

INSERT INTO subtree_option_count (org_id, question_id, option_key, picks)
SELECT a.id, c.question_id, c.option_key, SUM(c.picks)
FROM organization a JOIN organization o ON o.path LIKE CONCAT(a.path, '%')
JOIN org_option_count c ON c.org_id = o.id
GROUP BY a.id, c.question_id, c.option_key;
