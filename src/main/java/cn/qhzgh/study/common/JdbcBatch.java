package cn.qhzgh.study.common;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** One statement run for many typed rows as JDBC batches: the binding of a row lives with its record. */
public final class JdbcBatch {

    /** Sets the statement's parameters from one row. */
    @FunctionalInterface
    public interface Binder<T> {
        void bind(PreparedStatement statement, T row) throws SQLException;
    }

    private JdbcBatch() {
    }

    /** Runs {@code sql} once per row, sending at most {@code batchSize} rows per round trip. */
    public static <T> void run(Connection connection, String sql, List<T> rows, int batchSize, Binder<T> binder)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int pending = 0;
            for (T row : rows) {
                binder.bind(statement, row);
                statement.addBatch();
                if (++pending == batchSize) {
                    statement.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                statement.executeBatch();
            }
        }
    }
}
