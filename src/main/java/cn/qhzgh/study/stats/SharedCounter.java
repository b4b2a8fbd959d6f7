package cn.qhzgh.study.stats;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The union counter tables that many workers' transactions increment, declared in the one order in which every
 * transaction locks their rows (and, within a table, in primary-key order). Two transactions that lock in the
 * same order can wait for each other but never deadlock. org_worker_count comes last, written on its own.
 * The subtree_* tables (rows of a union and of each ancestor, {@link #subtreeOf}) come after every org_* table,
 * so that the rows every submission of the province shares are held for the shortest time.
 */
enum SharedCounter {

    CAMPAIGN("org_campaign_count", List.of("org_id", "campaign_id"),
            List.of("started", "completed", "seconds_spent", "final_attempted", "final_best_sum", "final_passed")),
    QUESTION("org_question_count", List.of("org_id", "question_id"), List.of("asked", "correct")),
    OPTION("org_option_count", List.of("org_id", "question_id", "option_key"), List.of("picks")),
    ITEM("org_item_count", List.of("org_id", "quiz_id", "test_length", "question_id", "rest_score"),
            List.of("attempts", "correct")),
    POSITION("org_position_count", List.of("org_id", "quiz_id", "test_length", "position"),
            List.of("attempts", "correct")),
    DAY("org_day_count", List.of("org_id", "campaign_id", "activity_day"), List.of("completions", "active_workers")),
    CHANNEL("org_channel_count", List.of("org_id", "campaign_id", "channel"), List.of("events", "seconds_spent")),
    MODULE("org_module_count", List.of("org_id", "module_id"),
            List.of("started", "completed", "quiz_attempted", "quiz_best_sum")),
    SUBTREE_QUESTION("subtree_question_count", QUESTION),
    SUBTREE_OPTION("subtree_option_count", OPTION),
    SUBTREE_ITEM("subtree_item_count", ITEM),
    SUBTREE_POSITION("subtree_position_count", POSITION);

    final String table;
    final List<String> keys;
    final List<String> counters;
    /** For a subtree_* table, the org_* table whose rows it sums over each org's subtree; null otherwise. */
    final SharedCounter subtreeOf;

    SharedCounter(String table, List<String> keys, List<String> counters) {
        this.table = table;
        this.keys = keys;
        this.counters = counters;
        this.subtreeOf = null;
    }

    SharedCounter(String table, SharedCounter own) {
        this.table = table;
        this.keys = own.keys;
        this.counters = own.counters;
        this.subtreeOf = own;
    }

    /** The subtree_* table that sums this org_* table over subtrees, if there is one. */
    Optional<SharedCounter> subtree() {
        return Arrays.stream(values()).filter(c -> c.subtreeOf == this).findFirst();
    }

    /**
     * Where a table comes in the lock order of a transaction that writes several: the declaration order above, and
     * any other counter table (org_worker_count, written alone by live traffic) after them.
     */
    static int lockRank(String table) {
        for (SharedCounter counter : values()) {
            if (counter.table.equals(table)) {
                return counter.ordinal();
            }
        }
        return values().length;
    }

    /**
     * One upsert of {@code rows} rows that adds each row's values to the counters it finds; each row's last
     * parameter is changed_at, the moment the nightly check starts from.
     */
    String upsertSql(int rows) {
        int columns = keys.size() + counters.size() + 1;
        String tuple = "(" + String.join(", ", Collections.nCopies(columns, "?")) + ")";
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(table).append(" (")
                .append(String.join(", ", keys)).append(", ").append(String.join(", ", counters))
                .append(", changed_at) VALUES ");
        for (int i = 0; i < rows; i++) {
            sql.append(i == 0 ? "" : ", ").append(tuple);
        }
        sql.append(" ON DUPLICATE KEY UPDATE ");
        for (int i = 0; i < counters.size(); i++) {
            String counter = counters.get(i);
            sql.append(i == 0 ? "" : ", ").append(counter).append(" = ").append(counter).append(" + VALUES(")
                    .append(counter).append(')');
        }
        return sql.append(", changed_at = VALUES(changed_at)").toString();
    }
}
