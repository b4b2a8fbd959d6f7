-- The reconciliation reads every attempt of a range of workers: with the columns it needs in the index it never
-- touches the wide attempt rows (draw, stored response). It replaces ix_quiz_attempt_worker, whose columns it leads with.
CREATE INDEX ix_quiz_attempt_worker_summary ON quiz_attempt (worker_id, quiz_id, started_at, status, score, passed);

DROP INDEX ix_quiz_attempt_worker ON quiz_attempt;
