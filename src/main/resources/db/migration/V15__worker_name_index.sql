-- The console searches workers by the start of their name (GET /api/v1/admin/workers?q=); a prefix LIKE uses this
-- index instead of reading every worker of the subtree. (V14 is taken by item analysis on another branch.)
CREATE INDEX ix_worker_name ON worker (name);
