package cn.qhzgh.study.stats;

import cn.qhzgh.study.common.DirectSql;
import cn.qhzgh.study.common.retry.RetriedOnLockConflict;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

/**
 * One batch of counter corrections in a transaction of its own, tried again whole after a deadlock: two
 * reconciliation lanes, or a lane and a live write, can meet on neighbouring index gaps, and a rolled-back batch
 * has added nothing.
 */
@ApplicationScoped
class CounterBatchWriter {

    /** A counter row's key values, then the counters to add (none for a delete). */
    record CounterRow(List<Object> key, long[] counters) {

        void bind(PreparedStatement statement) throws SQLException {
            int p = 1;
            for (Object value : key) {
                statement.setObject(p++, value instanceof LocalDate day ? Date.valueOf(day) : value);
            }
            for (long counter : counters) {
                statement.setLong(p++, counter);
            }
        }
    }

    private final EntityManager entityManager;

    CounterBatchWriter(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @RetriedOnLockConflict
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    @TransactionConfiguration(timeout = 120)
    void write(String sql, List<CounterRow> rows) {
        DirectSql.batch(entityManager, sql, rows, rows.size(), (statement, row) -> row.bind(statement));
    }
}
