package db.migration;

import cn.qhzgh.study.progress.ReadingCredit;
import cn.qhzgh.study.progress.ReadingCredit.Span;
import cn.qhzgh.study.progress.SpanCodec;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A worker's credited spans move from one row per span (credited_span) to one packed row per worker
 * (worker_credit): a batch of events read at random times then writes one row instead of one per event.
 * Spans no event accepted from now on can reach are dropped, as live requests drop them. In Java because SQL
 * cannot pack the spans on all three databases.
 */
public class V12__worker_credit extends BaseJavaMigration {

    private static final int BATCH = 500;

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("""
                    CREATE TABLE worker_credit (
                        worker_id  BIGINT           NOT NULL,
                        spans      VARBINARY(40000) NOT NULL,
                        PRIMARY KEY (worker_id),
                        CONSTRAINT fk_worker_credit_worker FOREIGN KEY (worker_id) REFERENCES worker (id)
                    ) ENGINE = InnoDB""");
        }
        try (Statement read = connection.createStatement();
             ResultSet rows = read.executeQuery(
                     "SELECT worker_id, start_second, end_second FROM credited_span WHERE end_second > "
                             + ReadingCredit.earliestClaimableSecond(Instant.now()) + " ORDER BY worker_id, start_second");
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO worker_credit (worker_id, spans) VALUES (?, ?)")) {
            long worker = -1;
            List<Span> spans = new ArrayList<>();
            int pending = 0;
            while (rows.next()) {
                if (rows.getLong(1) != worker && !spans.isEmpty()) {
                    pending = add(insert, worker, spans, pending);
                    spans.clear();
                }
                worker = rows.getLong(1);
                spans.add(new Span(rows.getLong(2), rows.getLong(3)));
            }
            if (!spans.isEmpty()) {
                add(insert, worker, spans, pending);
            }
            insert.executeBatch();
        }
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("DROP TABLE credited_span");
        }
    }

    private static int add(PreparedStatement insert, long worker, List<Span> spans, int pending) throws SQLException {
        insert.setLong(1, worker);
        insert.setBytes(2, SpanCodec.encode(spans));
        insert.addBatch();
        if (pending + 1 < BATCH) {
            return pending + 1;
        }
        insert.executeBatch();
        return 0;
    }
}
