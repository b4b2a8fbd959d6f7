package db.migration;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fills a database at version 12 with what the service kept per notice, migrates it to campaigns, and checks that
 * every record and counter row is still there, unchanged, under the campaign that notice became.
 */
@QuarkusTest
class V13CampaignMigrationTest {

    private static final String SCHEMA = "study_v13_migration";
    private static final String DOC_NUMBER = "青总发〔2022〕24号";
    /** Per-campaign tables and their key columns, as V12 named them. */
    private static final Map<String, String> KEYED_BY_NOTICE = new LinkedHashMap<>();

    static {
        KEYED_BY_NOTICE.put("worker_campaign", "worker_id, notice_id");
        KEYED_BY_NOTICE.put("campaign_completion", "worker_id, notice_id");
        KEYED_BY_NOTICE.put("worker_active_day", "worker_id, notice_id, activity_day");
        KEYED_BY_NOTICE.put("org_campaign_count", "org_id, notice_id");
        KEYED_BY_NOTICE.put("org_day_count", "org_id, notice_id, activity_day");
        KEYED_BY_NOTICE.put("org_channel_count", "org_id, notice_id, channel");
    }

    private final MigrationSchema schema = new MigrationSchema(SCHEMA);

    @Test
    void everyNoticeBecomesACampaignKeepingEveryRecordAndCounter() throws SQLException {
        schema.create();
        schema.migrate("12", Map.of("campaignDocNumber", DOC_NUMBER));
        fillAsVersion12();
        Map<String, List<List<Object>>> before = new LinkedHashMap<>();
        for (Map.Entry<String, String> table : KEYED_BY_NOTICE.entrySet()) {
            before.put(table.getKey(), rows("SELECT * FROM " + table.getKey() + " ORDER BY " + table.getValue()));
        }

        schema.migrate("13", Map.of("campaignDocNumber", DOC_NUMBER));

        for (Map.Entry<String, String> table : KEYED_BY_NOTICE.entrySet()) {
            assertThat(rows("SELECT * FROM " + table.getKey() + " ORDER BY "
                    + table.getValue().replace("notice_id", "campaign_id")))
                    .as(table.getKey() + " keeps every row and value, the notice id now the campaign id")
                    .isEqualTo(before.get(table.getKey())).isNotEmpty();
        }
        assertThat(rows("SELECT id, title, status, final_pass_score, published_at IS NOT NULL FROM campaign "
                + "ORDER BY id")).containsExactly(
                List.of(10L, "学习宣传贯彻党的二十大精神", "PUBLISHED", 85L, 1L),
                List.of(11L, "另一份文件（虚构）", "DRAFT", 80L, 0L));
        assertThat(rows("SELECT campaign_id, notice_id, position FROM campaign_material ORDER BY campaign_id"))
                .containsExactly(List.of(10L, 10L, 1L), List.of(11L, 11L, 1L));
        assertThat(rows("SELECT campaign_id, org_id FROM campaign_audience ORDER BY campaign_id"))
                .as("the whole tree: its root").containsExactly(List.of(10L, 1L), List.of(11L, 1L));
        assertThat(rows("SELECT kind, campaign_id FROM quiz ORDER BY id")).containsExactly(
                List.of("MODULE", "null"), List.of("FINAL", 10L), List.of("DAILY", 10L));
    }

    @AfterEach
    void dropSchema() throws SQLException {
        schema.drop();
    }

    /** One province and a county union, two notices, one worker with progress, a FINAL passed and a completion. */
    private void fillAsVersion12() throws SQLException {
        schema.execute(
                "INSERT INTO organization (id, code, name, type, parent_id, path, depth, created_at, updated_at) VALUES "
                        + "(1, 'M-QH', '迁移测试省总工会（虚构）', 'PROVINCE', NULL, '/1/', 0, NOW(), NOW()), "
                        + "(2, 'M-XN', '迁移测试市总工会（虚构）', 'CITY', 1, '/1/2/', 1, NOW(), NOW())",
                "INSERT INTO worker (id, external_id, name, org_id, source, created_at, updated_at) VALUES "
                        + "(1, 'mig-1', '测试一', 2, 'IMPORT', NOW(), NOW())",
                "INSERT INTO notice (id, doc_number, identity_key, title, source_hash, imported_at, imported_by) VALUES "
                        + "(10, '" + DOC_NUMBER + "', 'doc:" + DOC_NUMBER + "', '关于认真学习宣传贯彻党的二十大精神的通知', "
                        + "'h1', NOW(), 'admin'), (11, NULL, 'title:另一份文件', '另一份文件（虚构）', 'h2', NOW(), 'admin')",
                "INSERT INTO quiz (id, title, kind, notice_id, module_code, question_count, pass_score, "
                        + "time_limit_seconds, shuffle_questions, shuffle_options, active, revision, created_at, "
                        + "updated_at) VALUES "
                        + "(1, '模块测验', 'MODULE', 10, '1.1', 5, 60, 600, TRUE, TRUE, TRUE, 1, NOW(), NOW()), "
                        + "(2, '结业考试', 'FINAL', 10, NULL, 20, 85, 1800, TRUE, TRUE, TRUE, 1, NOW(), NOW()), "
                        + "(3, '每日答题', 'DAILY', 10, NULL, 5, 60, 300, TRUE, TRUE, TRUE, 1, NOW(), NOW())",
                "INSERT INTO worker_campaign (worker_id, notice_id, org_id, started_at, last_activity_at, seconds_spent, "
                        + "final_best_score, final_passed, completed_at) VALUES "
                        + "(1, 10, 2, '2022-11-20 01:00:00', '2022-11-21 02:00:00', 3600, 90, TRUE, "
                        + "'2022-11-21 02:00:00'), (1, 11, 2, '2022-11-22 01:00:00', '2022-11-22 01:05:00', 300, NULL, "
                        + "FALSE, NULL)",
                "INSERT INTO campaign_completion (worker_id, notice_id, completed_at) VALUES (1, 10, '2022-11-21 02:00:00')",
                "INSERT INTO worker_active_day (worker_id, notice_id, activity_day) VALUES (1, 10, '2022-11-20'), "
                        + "(1, 10, '2022-11-21'), (1, 11, '2022-11-22')",
                "INSERT INTO org_campaign_count (org_id, notice_id, started, completed, seconds_spent, final_attempted, "
                        + "final_best_sum, final_passed, changed_at) VALUES (2, 10, 1, 1, 3600, 1, 90, 1, NOW()), "
                        + "(2, 11, 1, 0, 300, 0, 0, 0, NOW())",
                "INSERT INTO org_day_count (org_id, notice_id, activity_day, completions, active_workers, changed_at) "
                        + "VALUES (2, 10, '2022-11-20', 0, 1, NOW()), (2, 10, '2022-11-21', 1, 1, NOW()), "
                        + "(2, 11, '2022-11-22', 0, 1, NOW())",
                "INSERT INTO org_channel_count (org_id, notice_id, channel, events, seconds_spent, changed_at) VALUES "
                        + "(2, 10, 'WECHAT', 12, 3000, NOW()), (2, 10, 'APP', 3, 600, NOW()), "
                        + "(2, 11, 'APP', 1, 300, NOW())");
    }

    /** Every column of every row, numbers as longs, nulls as "null", so rows compare by value. */
    private List<List<Object>> rows(String sql) throws SQLException {
        try (Connection connection = schema.connect();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            List<List<Object>> rows = new ArrayList<>();
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    Object value = rs.getObject(i);
                    row.add(value == null ? "null" : value instanceof Number n ? (Object) n.longValue()
                            : value instanceof Boolean b ? (Object) (b ? 1L : 0L) : value);
                }
                rows.add(row);
            }
            return rows;
        }
    }

}
