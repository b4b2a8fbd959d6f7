package db.migration;

import cn.qhzgh.study.progress.ReadingCredit.Span;
import cn.qhzgh.study.progress.SpanCodec;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
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

    private final Config config = ConfigProvider.getConfig();
    private final String serverUrl = config.getValue("quarkus.datasource.jdbc.url", String.class)
            .replaceFirst("/[^/?]+(\\?|$)", "/$1");
    private final String user = config.getValue("quarkus.datasource.username", String.class);
    private final String password = config.getOptionalValue("quarkus.datasource.password", String.class).orElse("");

    @Test
    void everyWorkersReachableSpansArePackedIntoOneRow() throws SQLException {
        execute(serverUrl, "DROP DATABASE IF EXISTS " + SCHEMA, "CREATE DATABASE " + SCHEMA);
        String url = serverUrl.replaceFirst("/(\\?|$)", "/" + SCHEMA + "$1");
        migrate(url, "11");
        long now = Instant.now().getEpochSecond();
        execute(url, "INSERT INTO organization (id, code, name, type, parent_id, path, depth, created_at, updated_at) "
                        + "VALUES (1, 'T-MIG', '迁移测试工会（虚构）', 'PROVINCE', NULL, '/1/', 0, NOW(), NOW())",
                "INSERT INTO worker (id, external_id, name, org_id, source, created_at, updated_at) VALUES "
                        + "(1, 'mig-1', '测试一', 1, 'IMPORT', NOW(), NOW()), (2, 'mig-2', '测试二', 1, 'IMPORT', NOW(), NOW()),"
                        + " (3, 'mig-3', '测试三', 1, 'IMPORT', NOW(), NOW())",
                "INSERT INTO credited_span (worker_id, start_second, end_second) VALUES "
                        + "(1, " + (now - 7_200) + ", " + (now - 3_600) + "), (1, " + (now - 600) + ", " + (now - 60) + "), "
                        + "(1, " + (now - 100 * 86_400L) + ", " + (now - 100 * 86_400L + 60) + "), "
                        + "(2, " + (now - 86_400) + ", " + (now - 86_000) + "), "
                        + "(3, " + (now - 95 * 86_400L) + ", " + (now - 95 * 86_400L + 900) + ")");

        migrate(url, "12");

        Map<Long, List<Span>> packed = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(url, user, password);
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
        assertThat(tables(url)).doesNotContain("credited_span").contains("worker_credit");
    }

    @AfterEach
    void dropSchema() throws SQLException {
        execute(serverUrl, "DROP DATABASE IF EXISTS " + SCHEMA);
    }

    private void migrate(String url, String version) {
        Flyway.configure().dataSource(url, user, password).target(version)
                .locations("filesystem:src/main/resources/db/migration").javaMigrations(new V12__worker_credit())
                .load().migrate();
    }

    private List<String> tables(String url) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user, password);
             ResultSet rows = connection.getMetaData().getTables(SCHEMA, null, "%", new String[]{"TABLE"})) {
            List<String> names = new ArrayList<>();
            while (rows.next()) {
                names.add(rows.getString("TABLE_NAME").toLowerCase());
            }
            return names;
        }
    }

    private void execute(String url, String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
