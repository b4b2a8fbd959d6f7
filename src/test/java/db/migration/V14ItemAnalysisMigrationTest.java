package db.migration;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fills a database at version 13 with per-union answer and pick counters over a small tree, some at unions that
 * have unions below them, and checks that V14 gives every org the sums over its subtree, computed here from the
 * same rows; the new FINAL counters start empty, for the reconciliation to build.
 */
@QuarkusTest
class V14ItemAnalysisMigrationTest {

    private static final String SCHEMA = "study_v14_migration";
    private static final String[][] TREE = {
            {"1", "M-QH", "PROVINCE", "/1/"},
            {"2", "M-XN", "CITY", "/1/2/"},
            {"3", "M-XN-C1", "COUNTY", "/1/2/3/"},
            {"4", "M-XN-C1-G1", "GRASSROOTS", "/1/2/3/4/"},
            {"5", "M-XN-C1-G2", "GRASSROOTS", "/1/2/3/5/"},
            {"6", "M-HD", "CITY", "/1/6/"}};
    /** org, question, asked, correct: the county and a city have workers of their own too. */
    private static final long[][] ANSWERS = {
            {4, 101, 10, 7}, {4, 102, 3, 1}, {5, 101, 4, 4}, {3, 101, 2, 0}, {3, 103, 5, 5}, {6, 102, 8, 2}, {2, 104, 1, 1}};
    /** org, question, option, picks. */
    private static final Object[][] PICKS = {
            {4L, 101L, "A", 7L}, {4L, 101L, "B", 3L}, {5L, 101L, "A", 4L}, {3L, 101L, "C", 2L}, {6L, 102L, "B", 2L}};

    private final MigrationSchema schema = new MigrationSchema(SCHEMA);

    @Test
    void everyOrgGetsTheSumsOfItsSubtree() throws SQLException {
        schema.create();
        schema.migrate("13", Map.of("campaignDocNumber", "青总发〔2022〕24号"));
        fillAsVersion13();

        schema.migrate("14", Map.of("campaignDocNumber", "青总发〔2022〕24号"));

        Map<String, long[]> answers = new TreeMap<>();
        for (String[] org : TREE) {
            for (long[] row : ANSWERS) {
                if (pathOf(row[0]).startsWith(org[3])) {
                    long[] sums = answers.computeIfAbsent(org[0] + ":" + row[1], k -> new long[2]);
                    sums[0] += row[2];
                    sums[1] += row[3];
                }
            }
        }
        List<List<Object>> expected = new ArrayList<>();
        answers.forEach((key, sums) -> expected.add(List.of(key, sums[0], sums[1])));
        assertThat(rows("SELECT CONCAT(org_id, ':', question_id), asked, correct FROM subtree_question_count "
                + "ORDER BY CONCAT(org_id, ':', question_id)")).isEqualTo(expected);
        assertThat(rows("SELECT asked, correct FROM subtree_question_count WHERE org_id = 1 AND question_id = 101"))
                .containsExactly(List.of(16L, 11L));

        Map<String, Long> picks = new TreeMap<>();
        for (String[] org : TREE) {
            for (Object[] row : PICKS) {
                if (pathOf((Long) row[0]).startsWith(org[3])) {
                    picks.merge(org[0] + ":" + row[1] + ":" + row[2], (Long) row[3], Long::sum);
                }
            }
        }
        List<List<Object>> expectedPicks = new ArrayList<>();
        picks.forEach((key, sum) -> expectedPicks.add(List.of(key, sum)));
        assertThat(rows("SELECT CONCAT(org_id, ':', question_id, ':', option_key), picks FROM subtree_option_count "
                + "ORDER BY CONCAT(org_id, ':', question_id, ':', option_key)")).isEqualTo(expectedPicks);

        for (String table : List.of("org_item_count", "org_position_count", "subtree_item_count", "subtree_position_count")) {
            assertThat(rows("SELECT COUNT(*) FROM " + table)).as(table).containsExactly(List.of(0L));
        }
    }

    @AfterEach
    void dropSchema() throws SQLException {
        schema.drop();
    }

    private static String pathOf(long org) {
        for (String[] row : TREE) {
            if (Long.parseLong(row[0]) == org) {
                return row[3];
            }
        }
        throw new IllegalArgumentException("no org " + org);
    }

    private void fillAsVersion13() throws SQLException {
        List<String> statements = new ArrayList<>();
        for (String[] org : TREE) {
            String parent = org[3].equals("/1/") ? "NULL" : org[3].replaceFirst(".*/(\\d+)/\\d+/$", "$1");
            statements.add("INSERT INTO organization (id, code, name, type, parent_id, path, depth, created_at, updated_at) "
                    + "VALUES (" + org[0] + ", '" + org[1] + "', '迁移测试" + org[1] + "（虚构）', '" + org[2] + "', " + parent
                    + ", '" + org[3] + "', " + (org[3].split("/").length - 2) + ", NOW(), NOW())");
        }
        for (long[] row : ANSWERS) {
            statements.add("INSERT INTO org_question_count (org_id, question_id, asked, correct) VALUES (" + row[0] + ", "
                    + row[1] + ", " + row[2] + ", " + row[3] + ")");
        }
        for (Object[] row : PICKS) {
            statements.add("INSERT INTO org_option_count (org_id, question_id, option_key, picks) VALUES (" + row[0] + ", "
                    + row[1] + ", '" + row[2] + "', " + row[3] + ")");
        }
        schema.execute(statements.toArray(String[]::new));
    }

    private List<List<Object>> rows(String sql) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (Connection connection = schema.connect(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    Object value = rs.getObject(i);
                    row.add(value instanceof Number n ? (Object) n.longValue() : String.valueOf(value));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
