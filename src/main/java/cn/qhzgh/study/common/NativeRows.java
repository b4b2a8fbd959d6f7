package cn.qhzgh.study.common;

import jakarta.persistence.Query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

/**
 * Turns the rows of a native query into typed values where the query is run: the positional reads of a row live
 * here once, and callers hand records, never {@code Object[]}, to anyone else.
 */
public final class NativeRows {

    private NativeRows() {
    }

    /** One row of a native query, read by column position (0-based). */
    public static final class Row {
        private final Object[] values;

        private Row(Object[] values) {
            this.values = values;
        }

        public long longAt(int column) {
            return ((Number) values[column]).longValue();
        }

        /** A number where NULL means 0: a SUM of no values, or a column of a row a LEFT JOIN did not find. */
        public long longOrZeroAt(int column) {
            return values[column] == null ? 0 : ((Number) values[column]).longValue();
        }

        public int intAt(int column) {
            return ((Number) values[column]).intValue();
        }

        /** A nullable integer column. */
        public Integer intOrNullAt(int column) {
            return values[column] == null ? null : ((Number) values[column]).intValue();
        }

        /** A key column as counter keys hold it: a whole number as a Long, text as a String. */
        public Comparable<?> keyAt(int column) {
            return values[column] instanceof Number n ? (Comparable<?>) n.longValue() : (Comparable<?>) values[column];
        }

        public String stringAt(int column) {
            return (String) values[column];
        }

        /** A DATE column, as MariaDB's driver or H2 returns it. */
        public LocalDate dateAt(int column) {
            return values[column] instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) values[column];
        }

        public boolean isNull(int column) {
            return values[column] == null;
        }

        /** A BOOLEAN or TINYINT(1) column, as the driver returns it. */
        public boolean booleanAt(int column) {
            return Boolean.TRUE.equals(values[column]) || (values[column] instanceof Number n && n.intValue() == 1);
        }

        /** A TIMESTAMP column as an instant (null stays null), read as {@link DbClock} writes it. */
        public Instant instantAt(int column) {
            return DbClock.toInstant(values[column]);
        }
    }

    /** Runs {@code query} and maps each row with {@code mapper}. */
    public static <T> List<T> list(Query query, Function<Row, T> mapper) {
        return ((List<?>) query.getResultList()).stream()
                .map(row -> mapper.apply(new Row(row instanceof Object[] values ? values : new Object[] {row})))
                .toList();
    }
}
