package cn.qhzgh.study.stats;

import cn.qhzgh.study.common.DbClock;
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
            LEFT JOIN worker_campaign wc ON wc.worker_id = w.id AND wc.notice_id = ?
            WHERE o.path LIKE ?""";

    private final AgroalDataSource dataSource;

    WorkerReport(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    List<Laggard> laggards(Organization org, long noticeId, int page, int size) {
        List<Laggard> laggards = new ArrayList<>();
        query(ROWS + " AND wc.completed_at IS NULL ORDER BY o.path, w.id LIMIT " + size + " OFFSET " + (long) page * size,
                org, noticeId, false, rs -> laggards.add(new Laggard(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), DbClock.toInstant(rs.getTimestamp(5)), DbClock.toInstant(rs.getTimestamp(6)),
                        rs.getLong(7))));
        return laggards;
    }

    void write(Organization org, long noticeId, ReportSink sink) {
        sink.header(COLUMNS);
        query(ROWS + " ORDER BY o.path, w.id", org, noticeId, true, rs -> {
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
    private void query(String sql, Organization org, long noticeId, boolean stream, RowHandler handler) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                     ResultSet.CONCUR_READ_ONLY)) {
            if (stream) {
                boolean mysql = connection.getMetaData().getDriverName().toLowerCase().contains("mysql");
                statement.setFetchSize(mysql ? Integer.MIN_VALUE : 1000);
            }
            statement.setLong(1, noticeId);
            statement.setString(2, org.path + "%");
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
