package db.migration;

import cn.qhzgh.study.progress.ReadingCredit.Span;
import cn.qhzgh.study.progress.SpanCodec;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Fills a database at version 11 with one-row-per-span credit, migrates it, and reads the packed spans back. */
@QuarkusTest
class V12WorkerCreditMigrationTest {

    private static final String SCHEMA = "study_v12_migration";

    private final MigrationSchema schema = new MigrationSchema(SCHEMA);

    @Test
    void everyWorkersReachableSpansArePackedIntoOneRow() throws SQLException {
        schema.create();
        schema.migrate("11", Map.of());
        long now = Instant.now().getEpochSecond();
        schema.execute("INSERT INTO organization (id, code, name, type, parent_id, path, depth, created_at, updated_at) "
                        + "VALUES (1, 'T-MIG', '迁移测试工会（虚构）', 'PROVINCE', NULL, '/1/', 0, NOW(), NOW())",
                "INSERT INTO worker (id, external_id, name, org_id, source, created_at, updated_at) VALUES "
                        + "(1, 'mig-1', '测试一', 1, 'IMPORT', NOW(), NOW()), (2, 'mig-2', '测试二', 1, 'IMPORT', NOW(), NOW()),"
                        + " (3, 'mig-3', '测试三', 1, 'IMPORT', NOW(), NOW())",
                "INSERT INTO credited_span (worker_id, start_second, end_second) VALUES "
                        + "(1, " + (now - 7_200) + ", " + (now - 3_600) + "), (1, " + (now - 600) + ", " + (now - 60) + "), "
                        + "(1, " + (now - 100 * 86_400L) + ", " + (now - 100 * 86_400L + 60) + "), "
                        + "(2, " + (now - 86_400) + ", " + (now - 86_000) + "), "
                        + "(3, " + (now - 95 * 86_400L) + ", " + (now - 95 * 86_400L + 900) + ")");

        schema.migrate("12", Map.of());

        Map<Long, List<Span>> packed = new HashMap<>();
        try (Connection connection = schema.connect();
             Statement read = connection.createStatement();
             ResultSet rows = read.executeQuery("SELECT worker_id, spans FROM worker_credit")) {
            while (rows.next()) {
                packed.put(rows.getLong(1), SpanCodec.decode(rows.getBytes(2)));
            }
        }
        assertThat(packed).containsOnlyKeys(1L, 2L);
        assertThat(packed.get(1L)).as("the span 100 days old no event can reach is dropped")
                .containsExactly(new Span(now - 7_200, now - 3_600), new Span(now - 600, now - 60));
        assertThat(packed.get(2L)).containsExactly(new Span(now - 86_400, now - 86_000));
        assertThat(tables()).doesNotContain("credited_span").contains("worker_credit");
    }

    @AfterEach
    void dropSchema() throws SQLException {
        schema.drop();
    }

    private List<String> tables() throws SQLException {
        try (Connection connection = schema.connect();
             ResultSet rows = connection.getMetaData().getTables(SCHEMA, null, "%", new String[]{"TABLE"})) {
            List<String> names = new ArrayList<>();
            while (rows.next()) {
                names.add(rows.getString("TABLE_NAME").toLowerCase());
            }
            return names;
        }
    }

}
