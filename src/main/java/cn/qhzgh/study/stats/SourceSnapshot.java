package cn.qhzgh.study.stats;

import io.agroal.api.AgroalDataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * One consistent read of the source and counter tables: a read-only REPEATABLE READ transaction on a connection
 * of its own, so every range and every comparison sees the database as of one moment however long the pass takes.
 * The sources are read by worker id ranges, each table in primary-key order (answers through their attempts),
 * grouped per union in the database, so each source row is read once and only per-union sums cross the wire.
 */
final class SourceSnapshot implements AutoCloseable {

    /** The ids of the first and last worker. */
    record WorkerIds(long first, long last) {
    }

    private static final String OPTION_KEYS = "ABCDEFGH";

    private final Connection connection;
    private final int isolation;
    private final Map<Long, Long> noticeOfModule = new HashMap<>();
    private final Map<Long, List<Long>> modulesOfQuiz = new HashMap<>();
    /** Published campaigns, the only ones counted: draft ones have nothing to count, closed ones keep their counts. */
    private final Map<Long, List<String>> audienceOfPublished = new HashMap<>();
    private final Map<Long, List<Long>> publishedOfNotice = new HashMap<>();
    private final Map<Long, String> pathOfOrg = new HashMap<>();
    private final String published;

    private SourceSnapshot(Connection connection, int isolation) throws SQLException {
        this.connection = connection;
        this.isolation = isolation;
        query("SELECT id, notice_id FROM study_module", rs -> noticeOfModule.put(rs.getLong(1), rs.getLong(2)));
        query("""
                SELECT a.campaign_id, o.path FROM campaign_audience a JOIN campaign c ON c.id = a.campaign_id
                JOIN organization o ON o.id = a.org_id WHERE c.status = 'PUBLISHED'""",
                rs -> audienceOfPublished.computeIfAbsent(rs.getLong(1), c -> new ArrayList<>()).add(rs.getString(2)));
        query("""
                SELECT m.notice_id, m.campaign_id FROM campaign_material m JOIN campaign c ON c.id = m.campaign_id
                WHERE c.status = 'PUBLISHED' ORDER BY m.campaign_id""",
                rs -> publishedOfNotice.computeIfAbsent(rs.getLong(1), n -> new ArrayList<>()).add(rs.getLong(2)));
        query("SELECT id, path FROM organization", rs -> pathOfOrg.put(rs.getLong(1), rs.getString(2)));
        List<Long> publishedIds = new ArrayList<>();
        query("SELECT id FROM campaign WHERE status = 'PUBLISHED' ORDER BY id", rs -> publishedIds.add(rs.getLong(1)));
        published = publishedIds.isEmpty() ? "-1" : String.join(", ", publishedIds.stream().map(String::valueOf).toList());
        query("""
                SELECT q.id, m.id FROM quiz q JOIN study_module m ON m.notice_id = q.notice_id AND m.code = q.module_code
                WHERE q.kind = 'MODULE'""", rs -> modulesOfQuiz.computeIfAbsent(rs.getLong(1), q -> new ArrayList<>())
                .add(rs.getLong(2)));
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

    Optional<WorkerIds> workerIds() {
        List<WorkerIds> ids = new ArrayList<>();
        query("SELECT MIN(id), MAX(id) FROM worker", rs -> {
            if (rs.getObject(1) != null) {
                ids.add(new WorkerIds(rs.getLong(1), rs.getLong(2)));
            }
        });
        return ids.stream().findFirst();
    }

    /** Every union with the id of its last worker (0 without workers), through the worker org index. */
    List<UnionCompletion.LastWorker> lastWorkers() {
        List<UnionCompletion.LastWorker> unions = new ArrayList<>();
        query("SELECT o.id, COALESCE(MAX(w.id), 0) FROM organization o LEFT JOIN worker w ON w.org_id = o.id GROUP BY o.id",
                rs -> unions.add(new UnionCompletion.LastWorker(rs.getLong(1), rs.getLong(2))));
        return unions;
    }

    /** Adds what the workers with ids in [from, to] contribute to every counter table to {@code tally}. */
    void recount(long from, long to, CounterTally tally) {
        recount(" WHERE w.id BETWEEN ? AND ?", " WHERE w.id BETWEEN ? AND ? AND s.worker_id BETWEEN ? AND ?",
                new Object[]{from, to}, new Object[]{from, to, from, to}, tally);
    }

    /** Adds what every worker of these unions contributes, reached through the worker org index: for a few unions. */
    void recountUnions(List<Long> orgs, CounterTally tally) {
        String unions = " WHERE w.org_id IN (" + String.join(", ", orgs.stream().map(String::valueOf).toList()) + ")";
        recount(unions, unions, new Object[0], new Object[0], tally);
    }

    /** The unions with a counter row that a live write changed at or after {@code since}, in id order. */
    List<Long> changedUnions(Instant since) {
        TreeSet<Long> unions = new TreeSet<>();
        for (CounterTable table : CounterTable.ALL) {
            query("SELECT DISTINCT org_id FROM " + table.table() + " WHERE changed_at >= ?",
                    rs -> unions.add(rs.getLong(1)), Timestamp.from(since));
        }
        return List.copyOf(unions);
    }

    /** {@code workers} filters worker w alone, {@code range} worker w joined to a source s, each with its parameters. */
    private void recount(String workers, String range, Object[] workerParameters, Object[] p, CounterTally tally) {
        query("SELECT w.org_id, COUNT(*) FROM worker w" + workers + " GROUP BY w.org_id",
                rs -> tally.add(CounterTable.WORKERS, List.of(rs.getLong(1)), rs.getLong(2)), workerParameters);
        query("""
                SELECT w.org_id, s.campaign_id, SUM(CASE WHEN s.started_at IS NOT NULL THEN 1 ELSE 0 END),
                       SUM(CASE WHEN s.completed_at IS NOT NULL THEN 1 ELSE 0 END), SUM(s.seconds_spent),
                       SUM(CASE WHEN s.final_best_score IS NOT NULL THEN 1 ELSE 0 END),
                       SUM(COALESCE(s.final_best_score, 0)), SUM(CASE WHEN s.final_passed THEN 1 ELSE 0 END)
                FROM worker w JOIN worker_campaign s ON s.worker_id = w.id""" + range
                        + " AND s.campaign_id IN (" + published + ") GROUP BY w.org_id, s.campaign_id",
                rs -> tally.add(CounterTable.CAMPAIGN, List.of(rs.getLong(1), rs.getLong(2)), rs.getLong(3),
                        rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8)), p);
        StringBuilder answers = new StringBuilder("SELECT w.org_id, x.question_id, COUNT(*), "
                + "SUM(CASE WHEN x.correct THEN 1 ELSE 0 END)");
        for (char key : OPTION_KEYS.toCharArray()) {
            answers.append(", SUM(CASE WHEN x.picked_keys LIKE '%").append(key).append("%' THEN 1 ELSE 0 END)");
        }
        answers.append(" FROM worker w JOIN quiz_attempt s ON s.worker_id = w.id JOIN attempt_answer x ON x.attempt_id = s.id")
                .append(range).append(" GROUP BY w.org_id, x.question_id");
        query(answers.toString(), rs -> {
            List<Object> question = List.of(rs.getLong(1), rs.getLong(2));
            tally.add(CounterTable.QUESTION, question, rs.getLong(3), rs.getLong(4));
            for (int k = 0; k < OPTION_KEYS.length(); k++) {
                long picks = rs.getLong(5 + k);
                if (picks > 0) {
                    tally.add(CounterTable.OPTION, List.of(rs.getLong(1), rs.getLong(2),
                            String.valueOf(OPTION_KEYS.charAt(k))), picks);
                }
            }
        }, p);
        query("SELECT w.org_id, s.campaign_id, s.activity_day, COUNT(*) FROM worker w JOIN worker_active_day s "
                        + "ON s.worker_id = w.id" + range + " AND s.campaign_id IN (" + published + ") "
                        + "GROUP BY w.org_id, s.campaign_id, s.activity_day",
                rs -> tally.add(CounterTable.DAY, List.of(rs.getLong(1), rs.getLong(2),
                        rs.getObject(3, LocalDate.class)), 0, rs.getLong(4)), p);
        query("SELECT w.org_id, s.campaign_id, s.completed_at FROM worker w JOIN campaign_completion s "
                        + "ON s.worker_id = w.id" + range + " AND s.campaign_id IN (" + published + ")",
                rs -> tally.add(CounterTable.DAY, List.of(rs.getLong(1), rs.getLong(2), CounterRules.campaignDay(
                        rs.getObject(3, LocalDateTime.class).toInstant(ZoneOffset.UTC))), 1, 0), p);
        query("SELECT w.org_id, s.module_id, s.channel, COUNT(*), SUM(COALESCE(s.credited_seconds, 0)) FROM worker w "
                        + "JOIN progress_event s ON s.worker_id = w.id" + range + " GROUP BY w.org_id, s.module_id, s.channel",
                rs -> {
                    long org = rs.getLong(1);
                    String channel = rs.getString(3);
                    long events = rs.getLong(4);
                    long seconds = rs.getLong(5);
                    countingCampaigns(org, notice(rs.getLong(2))).forEach(campaign ->
                            tally.add(CounterTable.CHANNEL, List.of(org, campaign, channel), events, seconds));
                }, p);
        query("SELECT w.org_id, s.module_id, COUNT(*), SUM(CASE WHEN s.completed_at IS NOT NULL THEN 1 ELSE 0 END) "
                        + "FROM worker w JOIN module_progress s ON s.worker_id = w.id" + range
                        + " GROUP BY w.org_id, s.module_id",
                rs -> tally.add(CounterTable.MODULE, List.of(rs.getLong(1), rs.getLong(2)), rs.getLong(3), rs.getLong(4),
                        0, 0), p);
        query("""
                SELECT b.org_id, b.quiz_id, COUNT(*), SUM(b.best) FROM (
                    SELECT w.org_id, s.worker_id, s.quiz_id, MAX(s.score) AS best
                    FROM worker w JOIN quiz_attempt s ON s.worker_id = w.id""" + range + """
                 AND s.score IS NOT NULL GROUP BY w.org_id, s.worker_id, s.quiz_id) b
                GROUP BY b.org_id, b.quiz_id""", rs -> {
            for (long module : modulesOfQuiz.getOrDefault(rs.getLong(2), List.of())) {
                tally.add(CounterTable.MODULE, List.of(rs.getLong(1), module), 0, 0, rs.getLong(3), rs.getLong(4));
            }
        }, p);
    }

    /** The stored rows of one counter table for these unions, keys typed as in {@link CounterTally}. */
    Map<List<Object>, long[]> stored(CounterTable table, List<Long> orgs) {
        Map<List<Object>, long[]> rows = new HashMap<>();
        if (orgs.isEmpty()) {
            return rows;
        }
        String sql = "SELECT " + String.join(", ", table.keys()) + ", " + String.join(", ", table.counters())
                + " FROM " + table.table() + " WHERE org_id IN (" + String.join(", ", orgs.stream().map(String::valueOf)
                .toList()) + ")" + (table.keys().contains("campaign_id") ? " AND campaign_id IN (" + published + ")" : "");
        int keys = table.keys().size();
        query(sql, rs -> {
            List<Object> key = new ArrayList<>(keys);
            for (int i = 1; i <= keys; i++) {
                Object value = "activity_day".equals(table.keys().get(i - 1)) ? rs.getObject(i, LocalDate.class)
                        : rs.getObject(i);
                key.add(value instanceof Number n ? n.longValue() : value);
            }
            long[] counters = new long[table.counters().size()];
            for (int i = 0; i < counters.length; i++) {
                counters[i] = rs.getLong(keys + 1 + i);
            }
            rows.put(List.copyOf(key), counters);
        });
        return rows;
    }

    /** The published campaigns that study this notice and reach a worker of this union. */
    private List<Long> countingCampaigns(long org, long notice) {
        String path = pathOfOrg.get(org);
        return publishedOfNotice.getOrDefault(notice, List.of()).stream().filter(campaign -> path != null
                && audienceOfPublished.getOrDefault(campaign, List.of()).stream().anyMatch(path::startsWith)).toList();
    }

    private long notice(long module) {
        Long notice = noticeOfModule.get(module);
        if (notice == null) {
            throw new IllegalStateException("progress of module " + module + " that the snapshot does not know");
        }
        return notice;
    }

    private interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    private void query(String sql, Row row, Object... parameters) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
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
