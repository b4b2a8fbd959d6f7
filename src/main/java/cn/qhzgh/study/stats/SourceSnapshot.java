package cn.qhzgh.study.stats;

import cn.qhzgh.study.common.IdList;
import io.agroal.api.AgroalDataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One consistent read of the source and counter tables: a read-only REPEATABLE READ transaction on a connection
 * of its own, so every batch and every comparison sees the database as of one moment however long the pass takes.
 * The sources are read by batches of unions, each table once, each worker's rows in primary-key order (attempts
 * from their summary index, answers through their attempts); {@link SliceRecount} counts what they contribute.
 */
final class SourceSnapshot implements AutoCloseable {

    private final Connection connection;
    private final int isolation;
    private final int streamingFetchSize;
    private final ReconcileCatalog catalog;
    private final String published;
    /** The FINALs of published campaigns, the only ones whose item counters are recounted. */
    private final String publishedFinals;

    private SourceSnapshot(Connection connection, int isolation) throws SQLException {
        this.connection = connection;
        this.isolation = isolation;
        // Connector/J streams a result row by row only when asked with this value; H2 takes no negative fetch size.
        this.streamingFetchSize = connection.getMetaData().getDriverName().contains("MySQL") ? Integer.MIN_VALUE : 0;
        Map<Long, Long> noticeOfModule = new HashMap<>();
        query("SELECT id, notice_id FROM study_module", rs -> noticeOfModule.put(rs.getLong(1), rs.getLong(2)));
        Map<Long, List<String>> audienceOfPublished = new HashMap<>();
        query("""
                SELECT a.campaign_id, o.path FROM campaign_audience a JOIN campaign c ON c.id = a.campaign_id
                JOIN organization o ON o.id = a.org_id WHERE c.status = 'PUBLISHED'""",
                rs -> audienceOfPublished.computeIfAbsent(rs.getLong(1), c -> new ArrayList<>()).add(rs.getString(2)));
        Map<Long, List<Long>> publishedOfNotice = new HashMap<>();
        query("""
                SELECT m.notice_id, m.campaign_id FROM campaign_material m JOIN campaign c ON c.id = m.campaign_id
                WHERE c.status = 'PUBLISHED' ORDER BY m.campaign_id""",
                rs -> publishedOfNotice.computeIfAbsent(rs.getLong(1), n -> new ArrayList<>()).add(rs.getLong(2)));
        Map<Long, String> pathOfOrg = new HashMap<>();
        query("SELECT id, path FROM organization", rs -> pathOfOrg.put(rs.getLong(1), rs.getString(2)));
        Set<Long> publishedIds = new TreeSet<>();
        query("SELECT id FROM campaign WHERE status = 'PUBLISHED'", rs -> publishedIds.add(rs.getLong(1)));
        published = IdList.of(publishedIds);
        Map<Long, Long> campaignOfFinal = new HashMap<>();
        query("SELECT id, campaign_id FROM quiz WHERE kind = 'FINAL' AND campaign_id IN (" + published + ")",
                rs -> campaignOfFinal.put(rs.getLong(1), rs.getLong(2)));
        publishedFinals = IdList.of(new TreeSet<>(campaignOfFinal.keySet()));
        Map<Long, List<Long>> modulesOfQuiz = new HashMap<>();
        query("""
                SELECT q.id, m.id FROM quiz q JOIN study_module m ON m.notice_id = q.notice_id AND m.code = q.module_code
                WHERE q.kind = 'MODULE'""", rs -> modulesOfQuiz.computeIfAbsent(rs.getLong(1), q -> new ArrayList<>())
                .add(rs.getLong(2)));
        catalog = new ReconcileCatalog(Set.copyOf(publishedIds), noticeOfModule, publishedOfNotice, audienceOfPublished,
                pathOfOrg, modulesOfQuiz, campaignOfFinal);
    }

    static SourceSnapshot open(AgroalDataSource dataSource) {
        try {
            Connection connection = dataSource.getConnection();
            try {
                int isolation = connection.getTransactionIsolation();
                connection.setAutoCommit(false);
                connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                connection.setReadOnly(true);
                return new SourceSnapshot(connection, isolation);
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("opening the reconciliation snapshot failed", e);
        }
    }

    /** Every union with its number of workers, through the worker org index. */
    List<UnionBatches.UnionWorkers> unionWorkers() {
        return unionWorkers("");
    }

    /** These unions with their numbers of workers, counting only their own workers. */
    List<UnionBatches.UnionWorkers> unionWorkers(Collection<Long> orgs) {
        return unionWorkers(" WHERE o.id IN (" + IdList.of(orgs) + ")");
    }

    private List<UnionBatches.UnionWorkers> unionWorkers(String where) {
        List<UnionBatches.UnionWorkers> unions = new ArrayList<>();
        query("SELECT o.id, COUNT(w.id) FROM organization o LEFT JOIN worker w ON w.org_id = o.id" + where
                + " GROUP BY o.id", rs -> unions.add(new UnionBatches.UnionWorkers(rs.getLong(1), rs.getLong(2))));
        return unions;
    }

    /**
     * Adds what every worker of these unions contributes, reached through the worker org index; without
     * {@code answers} the answers are not read, and the counters counted from them are left empty.
     */
    SliceRecount.Findings recountUnions(List<Long> orgs, CounterTally tally, boolean answers) {
        return recount(" WHERE w.org_id IN (" + IdList.of(orgs) + ")", tally, answers);
    }

    /**
     * The unions with a counter row a live write changed at or after {@code since}, and every union under a subtree
     * a structural change asked to recount since then ({@link StructuralRecounts}; answers are counted neither per
     * campaign nor per parent, so they are not read for it); each counter table is scanned, as no index on
     * changed_at burdens the live upserts.
     */
    ChangedUnions changedUnions(Instant since) {
        Set<Long> unions = new HashSet<>();
        Set<Long> withAnswers = new HashSet<>();
        for (CounterTable table : CounterTable.ALL) {
            Set<Long> changed = CounterTable.FROM_ANSWERS.contains(table) ? withAnswers : unions;
            query("SELECT DISTINCT org_id FROM " + table.table() + " WHERE changed_at >= ?",
                    rs -> changed.add(rs.getLong(1)), Timestamp.from(since));
        }
        query("SELECT DISTINCT o.id FROM stats_recount_request q JOIN organization r ON r.id = q.org_id "
                        + "JOIN organization o ON o.path LIKE CONCAT(r.path, '%') WHERE q.requested_at >= ?",
                rs -> unions.add(rs.getLong(1)), Timestamp.from(since));
        unions.addAll(withAnswers);
        return new ChangedUnions(List.copyOf(unions), withAnswers);
    }

    /**
     * Reads each source table once for the workers {@code workers} selects (a condition on worker w), each worker's
     * rows in primary-key order, the answers only when {@code answers}; attempts come from their summary index.
     */
    private SliceRecount.Findings recount(String workers, CounterTally tally, boolean answers) {
        SliceRecount slice = new SliceRecount(catalog, tally);
        query("SELECT w.id, w.org_id FROM worker w" + workers, rs -> slice.worker(rs.getLong(1), rs.getLong(2)));
        // Raw rows, summed in the heap: grouping a batch's events in the database spills to a disk temporary table.
        query("SELECT s.worker_id, s.module_id, s.channel, s.credited_seconds FROM worker w "
                        + "JOIN progress_event s ON s.worker_id = w.id" + workers,
                rs -> {
                    long credited = rs.getLong(4);
                    boolean uncredited = rs.wasNull();
                    slice.events(new SliceRecount.EventSum(rs.getLong(1), rs.getLong(2), rs.getString(3), 1, credited,
                            uncredited ? 1 : 0));
                });
        query("SELECT s.worker_id, s.module_id, s.credited_seconds, s.first_activity_at, s.last_activity_at, "
                        + "s.completed_at FROM worker w JOIN module_progress s ON s.worker_id = w.id" + workers,
                rs -> slice.module(new SliceRecount.ModuleRow(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        rs.getObject(4, LocalDateTime.class), rs.getObject(5, LocalDateTime.class),
                        rs.getObject(6) != null)));
        query("SELECT s.worker_id, s.quiz_id, s.id, s.started_at, s.status, s.score, s.passed FROM worker w "
                        + "JOIN quiz_attempt s ON s.worker_id = w.id" + workers,
                rs -> slice.attempt(new SliceRecount.Attempt(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getObject(4, LocalDateTime.class), rs.getString(5), rs.getObject(6, Integer.class),
                        rs.getObject(7, Boolean.class))));
        if (answers) {
            query("SELECT x.attempt_id, x.position, x.question_id, x.correct, x.picked_keys FROM worker w "
                            + "JOIN quiz_attempt s ON s.worker_id = w.id JOIN attempt_answer x ON x.attempt_id = s.id"
                            + workers,
                    rs -> slice.answer(new SliceRecount.Answer(rs.getString(1), rs.getLong(2), rs.getLong(3),
                            rs.getBoolean(4), rs.getString(5))));
        }
        query("SELECT s.worker_id, s.campaign_id, s.completed_at FROM worker w JOIN campaign_completion s "
                        + "ON s.worker_id = w.id" + workers,
                rs -> slice.completion(new SliceRecount.Completion(rs.getLong(1), rs.getLong(2),
                        rs.getObject(3, LocalDateTime.class))));
        query("SELECT w.org_id, s.campaign_id, s.activity_day, COUNT(*) FROM worker w JOIN worker_active_day s "
                        + "ON s.worker_id = w.id" + workers + " AND s.campaign_id IN (" + published + ") "
                        + "GROUP BY w.org_id, s.campaign_id, s.activity_day",
                rs -> slice.activeDays(new SliceRecount.ActiveDays(rs.getLong(1), rs.getLong(2),
                        rs.getObject(3, LocalDate.class), rs.getLong(4))));
        query("SELECT s.worker_id, s.campaign_id, s.org_id, s.started_at, s.last_activity_at, s.seconds_spent, "
                        + "s.final_best_score, s.final_passed, s.completed_at FROM worker w "
                        + "JOIN worker_campaign s ON s.worker_id = w.id" + workers + " AND s.campaign_id IN (" + published + ")",
                rs -> slice.stored(new SliceRecount.CampaignRow(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        rs.getObject(4, LocalDateTime.class), rs.getObject(5, LocalDateTime.class), rs.getLong(6),
                        rs.getObject(7, Integer.class), rs.getBoolean(8), rs.getObject(9, LocalDateTime.class))));
        return slice.finish();
    }

    /** The stored rows of one counter table for these unions, keys typed as in {@link CounterTally}. */
    Map<List<Object>, long[]> stored(CounterTable table, List<Long> orgs) {
        if (orgs.isEmpty()) {
            return new HashMap<>();
        }
        return rows(table, table.keys(), String.join(", ", table.counters()), " WHERE org_id IN (" + IdList.of(orgs)
                + ")" + scope(table, ""), "");
    }

    /** The stored rows of one counter table for these unions added up: keys without the org, summed in the database. */
    Map<List<Object>, long[]> summed(CounterTable table, List<Long> orgs) {
        if (orgs.isEmpty()) {
            return new HashMap<>();
        }
        List<String> keys = table.keys().subList(1, table.keys().size());
        return rows(table, keys, String.join(", ", table.counters().stream().map(c -> "SUM(" + c + ")").toList()),
                " WHERE org_id IN (" + IdList.of(orgs) + ")" + scope(table, ""), " GROUP BY " + String.join(", ", keys));
    }

    private Map<List<Object>, long[]> rows(CounterTable table, List<String> keys, String counterColumns, String where,
                                           String groupBy) {
        Map<List<Object>, long[]> rows = new HashMap<>();
        String sql = "SELECT " + String.join(", ", keys) + ", " + counterColumns + " FROM " + table.table() + where
                + groupBy;
        query(sql, rs -> {
            List<Object> key = new ArrayList<>(keys.size());
            for (int i = 1; i <= keys.size(); i++) {
                Object value = "activity_day".equals(keys.get(i - 1)) ? rs.getObject(i, LocalDate.class)
                        : rs.getObject(i);
                key.add(value instanceof Number n ? n.longValue() : value);
            }
            long[] counters = new long[table.counters().size()];
            for (int i = 0; i < counters.length; i++) {
                counters[i] = rs.getLong(keys.size() + 1 + i);
            }
            rows.put(List.copyOf(key), counters);
        });
        return rows;
    }

    /** Rows of published campaigns only, the ones reconciled: closed campaigns keep what they counted. */
    String scope(CounterTable table, String alias) {
        if (table.keys().contains("campaign_id")) {
            return " AND " + alias + "campaign_id IN (" + published + ")";
        }
        return table.perFinal() ? " AND " + alias + "quiz_id IN (" + publishedFinals + ")" : "";
    }

    /** Every org's materialized path, by org id. */
    Map<Long, String> orgPaths() {
        return Map.copyOf(catalog.pathOfOrg());
    }

    interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    void query(String sql, Row row, Object... parameters) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setFetchSize(streamingFetchSize);
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    row.read(rs);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading for the reconciliation failed: " + e.getMessage(), e);
        }
    }

    /** Ends the read-only transaction and hands the connection back as the pool gave it. */
    @Override
    public void close() {
        try (connection) {
            connection.rollback();
            connection.setReadOnly(false);
            connection.setTransactionIsolation(isolation);
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            throw new IllegalStateException("closing the reconciliation snapshot failed", e);
        }
    }
}
