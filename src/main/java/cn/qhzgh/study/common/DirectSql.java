package cn.qhzgh.study.common;

import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.hibernate.engine.spi.SessionImplementor;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * Plain JDBC on the connection of the current transaction, for the statements every progress batch and submission
 * runs: Hibernate's native-query layer and the driver's {@code Timestamp} formatting were a third of a batch's CPU.
 * Parameters are bound by type (instants as UTC date-times, the columns' zone); a collection parameter stands for
 * as many {@code ?} as it has elements (nested ones too), which {@link #in} writes. Failures reach callers as
 * Hibernate converts them, so lock conflicts, duplicate keys and lost connections are told apart as for any other
 * statement.
 */
public final class DirectSql {

    /** Reads one row of a result set into a typed value. */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    private DirectSql() {
    }

    /** Runs an INSERT, UPDATE or DELETE; returns the affected row count. */
    public static int update(EntityManager entityManager, String sql, Object... parameters) {
        return session(entityManager).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                bind(statement, parameters);
                return statement.executeUpdate();
            }
        });
    }

    /** Runs a query and reads every row. */
    public static <T> List<T> list(EntityManager entityManager, String sql, RowReader<T> reader,
                                   Object... parameters) {
        return session(entityManager).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                bind(statement, parameters);
                List<T> rows = new ArrayList<>();
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        rows.add(reader.read(result));
                    }
                }
                return rows;
            }
        });
    }

    /** The one row a query must return. */
    public static <T> T single(EntityManager entityManager, String sql, RowReader<T> reader, Object... parameters) {
        List<T> rows = list(entityManager, sql, reader, parameters);
        if (rows.size() != 1) {
            throw new IllegalStateException("expected one row, got " + rows.size() + ": " + sql);
        }
        return rows.get(0);
    }

    /** Runs {@code sql} once per row, in JDBC batches of at most {@code batchSize} rows ({@link JdbcBatch}). */
    public static <T> void batch(EntityManager entityManager, String sql, List<T> rows, int batchSize,
                                 JdbcBatch.Binder<T> binder) {
        session(entityManager).doWork(connection -> JdbcBatch.run(connection, sql, rows, batchSize, binder));
    }

    /** {@code count} placeholders separated by commas, for an {@code IN (...)} of a collection parameter. */
    public static String in(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    /** {@code rows} copies of {@code tuple}, for a multi-row {@code VALUES}. */
    public static String values(String tuple, int rows) {
        return String.join(", ", Collections.nCopies(rows, tuple));
    }

    /** Entities changed in this transaction are written first, as Hibernate does before its own native queries. */
    private static Session session(EntityManager entityManager) {
        Session session = entityManager.unwrap(Session.class);
        if (session.unwrap(SessionImplementor.class).getPersistenceContextInternal().getNumberOfManagedEntities() > 0) {
            session.flush();
        }
        return session;
    }

    private static void bind(PreparedStatement statement, Object[] parameters) throws SQLException {
        bind(statement, 1, Arrays.asList(parameters));
    }

    /** Binds from {@code index} on, each collection's elements in place of it; returns the next free index. */
    private static int bind(PreparedStatement statement, int index, Collection<?> parameters) throws SQLException {
        for (Object parameter : parameters) {
            index = parameter instanceof Collection<?> values ? bind(statement, index, values)
                    : bindOne(statement, index, parameter);
        }
        return index;
    }

    private static int bindOne(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.NULL);
        } else if (value instanceof Long number) {
            statement.setLong(index, number);
        } else if (value instanceof Integer number) {
            statement.setInt(index, number);
        } else if (value instanceof String text) {
            statement.setString(index, text);
        } else if (value instanceof Boolean flag) {
            statement.setBoolean(index, flag);
        } else if (value instanceof Instant instant) {
            statement.setObject(index, LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
        } else if (value instanceof LocalDate day) {
            statement.setObject(index, day);
        } else if (value instanceof byte[] bytes) {
            statement.setBytes(index, bytes);
        } else {
            throw new IllegalArgumentException("no binding for " + value.getClass().getName());
        }
        return index + 1;
    }
}
