-- The audit page filters by actor or action, newest first: each index reads one actor's or action's entries in id
-- order and stops at the page's end, instead of reading every entry until the page is full.
CREATE INDEX ix_audit_entry_actor ON audit_entry (actor, id);
CREATE INDEX ix_audit_entry_action ON audit_entry (action, id);
