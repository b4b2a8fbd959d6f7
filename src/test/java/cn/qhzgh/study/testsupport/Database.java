package cn.qhzgh.study.testsupport;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Direct reads of the test database, to check what an API call really stored. */
public final class Database {

    private interface Reader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private Database() {
    }

    public static long count(String sql, Object... params) {
        return query(sql, params, rs -> rs.next() ? rs.getLong(1) : 0L);
    }

    public static List<Long> longs(String sql, Object... params) {
        return query(sql, params, rs -> {
            List<Long> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getLong(1));
            }
            return values;
        });
    }

    public static String string(String sql, Object... params) {
        return query(sql, params, rs -> rs.next() ? rs.getString(1) : null);
    }

    /** Changes the database behind the service's back, e.g. to corrupt a counter on purpose. */
    public static void execute(String sql, Object... params) {
        try (Connection connection = dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Opens a transaction of its own, as another service instance sharing the database would; the caller commits
     * or rolls back, then closes it.
     */
    public static Connection begin() {
        try {
            Connection connection = dataSource().getConnection();
            connection.setAutoCommit(false);
            return connection;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Connections handed out so far; unchanged across a request proves it did not touch the database. */
    public static long acquisitions() {
        return dataSource().getMetrics().acquireCount();
    }

    private static <T> T query(String sql, Object[] params, Reader<T> reader) {
        try (Connection connection = dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                return reader.read(rs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static AgroalDataSource dataSource() {
        return Arc.container().instance(AgroalDataSource.class).get();
    }
}
