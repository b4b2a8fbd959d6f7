package cn.qhzgh.study.common;

import cn.qhzgh.study.testsupport.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.sql.SQLIntegrityConstraintViolationException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The typed binding of the hot path's plain JDBC, against the real database. */
@QuarkusTest
class DirectSqlTest {

    @Inject
    EntityManager entityManager;

    @Test
    void anInstantAndADayReadBackAsWritten() {
        Instant at = Instant.parse("2026-12-03T23:59:58.123456Z");
        LocalDate day = LocalDate.of(2026, 2, 28);
        List<Object> read = QuarkusTransaction.requiringNew().call(() -> DirectSql.single(entityManager,
                "SELECT CAST(? AS DATETIME(6)), CAST(? AS DATE), ?, ?",
                row -> List.of(row.getObject(1, LocalDateTime.class).toInstant(ZoneOffset.UTC),
                        row.getObject(2, LocalDate.class), row.getLong(3), row.getString(4)),
                at, day, 7L, "两个确立"));
        assertThat(read).containsExactly(at, day, 7L, "两个确立");
    }

    @Test
    void collectionsStandForOnePlaceholderPerElementNestedOnesToo() {
        String values = "SELECT 1 AS x UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4";
        long matched = QuarkusTransaction.requiringNew().call(() -> DirectSql.single(entityManager,
                "SELECT COUNT(*) FROM (" + values + ") t WHERE t.x IN (" + DirectSql.in(3) + ") AND t.x <> ?",
                row -> row.getLong(1), List.of(1L, List.of(3L, 4L)), 4L));
        assertThat(matched).isEqualTo(2);
        assertThat(DirectSql.values("(?, ?)", 3)).isEqualTo("(?, ?), (?, ?), (?, ?)");
    }

    @Test
    void aNullBindsAsSqlNull() {
        Integer read = QuarkusTransaction.requiringNew().call(() -> DirectSql.single(entityManager,
                "SELECT CASE WHEN ? IS NULL THEN 1 ELSE 0 END", row -> row.getInt(1), (Object) null));
        assertThat(read).isEqualTo(1);
    }

    @Test
    void aDuplicateKeyReachesCallersAsHibernateConvertsIt() {
        Fixtures.skeleton();
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> DirectSql.update(entityManager,
                "INSERT INTO organization (id, code, name, type, path, depth, created_at, updated_at) "
                        + "SELECT id, code, name, type, path, depth, created_at, updated_at "
                        + "FROM organization WHERE parent_id IS NULL")))
                .satisfies(e -> assertThat(DuplicateKeys.hitBy(e)).isTrue())
                .hasRootCauseInstanceOf(SQLIntegrityConstraintViolationException.class);
    }

    @Test
    void aTypeWithoutABindingIsRefused() {
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().call(() -> DirectSql.single(entityManager,
                "SELECT ?", row -> row.getString(1), new StringBuilder("x"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("StringBuilder");
    }
}
