-- The province's /modules and /trend sum every union's rows of a campaign's modules or days. Read from these covering
-- indexes in module and day order, the sums stream without a temporary table: at a million workers 0.06–0.10 s
-- instead of 0.16–0.19 s for /modules and 0.13–0.16 s instead of 0.28–0.47 s for /trend. A subtree below the root
-- still reads its unions' rows by primary key.
CREATE INDEX ix_org_module_count_module ON org_module_count (module_id, started, completed, quiz_attempted, quiz_best_sum);
CREATE INDEX ix_org_day_count_campaign_day ON org_day_count (campaign_id, activity_day, completions, active_workers);
