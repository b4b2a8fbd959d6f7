package cn.qhzgh.study.stats;

import cn.qhzgh.study.common.DbClock;
import cn.qhzgh.study.common.IdList;
import cn.qhzgh.study.org.Organization;
import cn.qhzgh.study.stats.report.ReportSink;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Worker-level rows of a subtree, for laggard lists and the upward report. The report streams straight from a
 * forward-only result set into the sink, so a million rows never sit in the heap.
 */
@ApplicationScoped
class WorkerReport {

    static final List<String> COLUMNS = List.of("工号", "姓名", "工会编码", "工会名称", "开始学习时间", "最近学习时间",
            "学习时长(秒)", "结业考试最高分", "结业考试通过", "完成时间");

    private static final String ROWS = """
            SELECT w.external_id, w.name, o.code, o.name, wc.started_at, wc.last_activity_at,
                   COALESCE(wc.seconds_spent, 0), wc.final_best_score, wc.final_passed, wc.completed_at
            FROM organization o JOIN worker w ON w.org_id = o.id
            LEFT JOIN worker_campaign wc ON wc.worker_id = w.id AND wc.campaign_id = ?
            WHERE o.path LIKE ?""";

    private final AgroalDataSource dataSource;

    WorkerReport(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * One page of the subtree's laggards in (org path, worker id) order. The per-union laggard counts of the
     * counters (workers − completed) locate the unions the page falls in, so only their workers are read and
     * sorted, never the whole subtree's; the page is exact as long as the counters are, which reconciliation keeps.
     * {@code ranges} are the path prefixes of the subtree the campaign's audience reaches.
     */
    List<Laggard> laggards(Organization org, List<String> ranges, long campaignId, int page, int size) {
        long skip = (long) page * size;
        List<Long> orgIds = new ArrayList<>();
        long skippedInPage = 0;
        long covered = 0;
        List<long[]> counts = new ArrayList<>();
        ranges.forEach(range -> counts.addAll(laggardCounts(range, campaignId)));
        for (long[] union : counts) {
            if (covered >= skip + size) {
                break;
            }
            if (covered + union[1] > skip) {
                if (orgIds.isEmpty()) {
                    skippedInPage = skip - covered;
                }
                orgIds.add(union[0]);
            }
            covered += union[1];
        }
        List<Laggard> laggards = new ArrayList<>();
        if (orgIds.isEmpty()) {
            return laggards;
        }
        String unions = IdList.of(orgIds);
        query(ROWS + " AND w.org_id IN (" + unions + ") AND wc.completed_at IS NULL ORDER BY o.path, w.id LIMIT " + size
                        + " OFFSET " + skippedInPage, org.path, campaignId, false,
                rs -> laggards.add(new Laggard(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        DbClock.toInstant(rs.getTimestamp(5)), DbClock.toInstant(rs.getTimestamp(6)), rs.getLong(7))));
        return laggards;
    }

    /** [org id, laggards] of every union of the subtree that has laggards, in path order, from the counters. */
    private List<long[]> laggardCounts(String range, long campaignId) {
        List<long[]> counts = new ArrayList<>();
        query("""
                SELECT o.id, COALESCE(w.workers, 0) - COALESCE(c.completed, 0) FROM organization o
                LEFT JOIN org_worker_count w ON w.org_id = o.id
                LEFT JOIN org_campaign_count c ON c.org_id = o.id AND c.campaign_id = ?
                WHERE o.path LIKE ? ORDER BY o.path""", range, campaignId, false, rs -> {
            if (rs.getLong(2) > 0) {
                counts.add(new long[]{rs.getLong(1), rs.getLong(2)});
            }
        });
        return counts;
    }

    void write(List<String> ranges, long campaignId, ReportSink sink) {
        sink.header(COLUMNS);
        for (String range : ranges) {
            write(range, campaignId, sink);
        }
    }

    private void write(String range, long campaignId, ReportSink sink) {
        query(ROWS + " ORDER BY o.path, w.id", range, campaignId, true, rs -> {
            Object best = rs.getObject(8);
            List<Object> row = new ArrayList<>(COLUMNS.size());
            row.add(rs.getString(1));
            row.add(rs.getString(2));
            row.add(rs.getString(3));
            row.add(rs.getString(4));
            row.add(DbClock.toInstant(rs.getTimestamp(5)));
            row.add(DbClock.toInstant(rs.getTimestamp(6)));
            row.add(rs.getLong(7));
            row.add(best == null ? null : ((Number) best).longValue());
            row.add(best == null ? null : rs.getBoolean(9));
            row.add(DbClock.toInstant(rs.getTimestamp(10)));
            sink.row(row);
        });
    }

    private interface RowHandler {
        void handle(ResultSet rs) throws SQLException;
    }

    /** Reads outside the request's transaction; streams row by row when asked (Connector/J's MIN_VALUE fetch size). */
    private void query(String sql, String pathPrefix, long campaignId, boolean stream, RowHandler handler) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                     ResultSet.CONCUR_READ_ONLY)) {
            if (stream) {
                boolean mysql = connection.getMetaData().getDriverName().toLowerCase().contains("mysql");
                statement.setFetchSize(mysql ? Integer.MIN_VALUE : 1000);
            }
            statement.setLong(1, campaignId);
            statement.setString(2, pathPrefix + "%");
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    handler.handle(rs);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the worker report failed", e);
        }
    }
}
