package cn.qhzgh.study.org;

import cn.qhzgh.study.common.DbClock;
import cn.qhzgh.study.common.DomainException;
import cn.qhzgh.study.common.ProblemError;
import cn.qhzgh.study.common.http.UploadLimits;
import cn.qhzgh.study.common.tabular.TabularFormat;
import cn.qhzgh.study.common.tabular.TabularLimits;
import cn.qhzgh.study.common.tabular.TabularReader;
import cn.qhzgh.study.common.tabular.TabularRow;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import java.io.InputStream;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Streams a worker upload row by row into a staging table, finds duplicates with SQL, then merges
 * set-based: a million rows never sit in memory, and any error rolls the whole upload back.
 */
@ApplicationScoped
public class WorkerImportService {

    static final int MAX_LISTED_ERRORS = 1000;
    private static final int BATCH = 1000;
    private static final int TIMEOUT_SECONDS = 1800;

    private final AgroalDataSource dataSource;
    private final Event<WorkersChanged> workersChanged;
    private final SecureRandom random = new SecureRandom();
    private final TabularLimits limits;

    public WorkerImportService(AgroalDataSource dataSource, Event<WorkersChanged> workersChanged,
                               UploadLimits uploadLimits) {
        this.limits = uploadLimits.tabular();
        this.dataSource = dataSource;
        this.workersChanged = workersChanged;
    }

    public WorkerImportResult importWorkers(InputStream file, TabularFormat format, boolean dryRun) {
        try {
            return QuarkusTransaction.requiringNew().timeout(TIMEOUT_SECONDS).call(() -> {
                try (Connection connection = dataSource.getConnection()) {
                    WorkerImportResult result = stageAndMerge(connection, file, format, dryRun);
                    if (dryRun) {
                        throw new DryRunFinished(result);
                    }
                    return result;
                }
            });
        } catch (DryRunFinished finished) {
            return finished.result;
        }
    }

    /** Carries a dry run's report out of the transaction it rolls back. */
    private static final class DryRunFinished extends RuntimeException {
        private final transient WorkerImportResult result;

        DryRunFinished(WorkerImportResult result) {
            super(null, null, false, false);
            this.result = result;
        }
    }

    private WorkerImportResult stageAndMerge(Connection connection, InputStream file, TabularFormat format,
                                             boolean dryRun) throws SQLException {
        long importId = random.nextLong() & Long.MAX_VALUE;
        List<ProblemError> errors = new ArrayList<>();
        long[] errorCount = {0};
        long rows = stage(connection, importId, file, format, error -> {
            errorCount[0]++;
            if (errors.size() < MAX_LISTED_ERRORS) {
                errors.add(error);
            }
        });
        if (rows == 0 && errorCount[0] == 0) {
            throw DomainException.unprocessable("empty-file", "The file has a header but no data rows.", List.of(), 0);
        }
        errorCount[0] += reportDuplicates(connection, importId, errors);
        if (errorCount[0] > 0) {
            errors.sort(Comparator.comparing(ProblemError::row));
            throw DomainException.unprocessable("invalid-worker-file", errorCount[0]
                            + " problem(s) found; nothing was imported. At most " + MAX_LISTED_ERRORS + " are listed.",
                    errors, (int) Math.min(Integer.MAX_VALUE, errorCount[0]));
        }
        long created = count(connection, """
                SELECT COUNT(*) FROM worker_import_row s WHERE s.import_id = ?
                AND NOT EXISTS (SELECT 1 FROM worker w WHERE w.external_id = s.external_id)""", importId);
        long updated = count(connection, """
                SELECT COUNT(*) FROM worker_import_row s JOIN worker w ON w.external_id = s.external_id
                WHERE s.import_id = ? AND (w.name <> s.name OR w.org_id <> s.org_id
                    OR COALESCE(w.phone, '') <> COALESCE(s.phone, ''))""", importId);
        if (!dryRun) {
            ChangedOrgs changed = orgsChangedBy(connection, importId);
            merge(connection, importId);
            if (!changed.orgs().isEmpty()) {
                workersChanged.fire(new WorkersChanged(changed.orgs(), changed.moved()));
            }
        }
        return new WorkerImportResult(dryRun, rows, created, updated, rows - created - updated);
    }

    private long stage(Connection connection, long importId, InputStream file, TabularFormat format,
                       Consumer<ProblemError> report) throws SQLException {
        WorkerRowRules rules = new WorkerRowRules(orgIdsByCode(connection));
        long rows = 0;
        try (TabularReader reader = TabularReader.open(file, format, WorkerRowRules.COLUMNS, Map.of(), limits);
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO worker_import_row (import_id, row_no, external_id, name, org_id, phone)
                     VALUES (?, ?, ?, ?, ?, ?)""")) {
            int pending = 0;
            while (reader.hasNext()) {
                TabularRow row = reader.next();
                rows++;
                WorkerRowRules.ValidWorker valid = rules.check(row.rowNumber(), row.cell("external_id"),
                        row.cell("name"), row.cell("org_code"), row.cell("phone"), report);
                if (valid == null) {
                    continue;
                }
                insert.setLong(1, importId);
                insert.setLong(2, valid.row());
                insert.setString(3, valid.externalId());
                insert.setString(4, valid.name());
                insert.setLong(5, valid.orgId());
                insert.setString(6, valid.phone());
                insert.addBatch();
                if (++pending == BATCH) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
        }
        return rows;
    }

    private static long reportDuplicates(Connection connection, long importId, List<ProblemError> errors)
            throws SQLException {
        long found = 0;
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT s.row_no, s.external_id, f.first_row FROM worker_import_row s
                JOIN (SELECT external_id, MIN(row_no) AS first_row FROM worker_import_row
                      WHERE import_id = ? GROUP BY external_id HAVING COUNT(*) > 1) f
                  ON f.external_id = s.external_id
                WHERE s.import_id = ? AND s.row_no > f.first_row ORDER BY s.row_no""")) {
            query.setLong(1, importId);
            query.setLong(2, importId);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    found++;
                    if (errors.size() < MAX_LISTED_ERRORS) {
                        errors.add(ProblemError.cell(rs.getLong(1), "external_id", "duplicate external_id '"
                                + rs.getString(2) + "', first used on row " + rs.getLong(3)));
                    }
                }
            }
        }
        return found;
    }

    /** Only new or changed workers are written, so re-importing the same file changes nothing. */
    private static void merge(Connection connection, long importId) throws SQLException {
        Timestamp now = Timestamp.from(DbClock.now());
        try (PreparedStatement upsert = connection.prepareStatement("""
                INSERT INTO worker (external_id, name, org_id, phone, source, created_at, updated_at)
                SELECT s.external_id, s.name, s.org_id, s.phone, 'IMPORT', ?, ? FROM worker_import_row s
                WHERE s.import_id = ? AND NOT EXISTS (SELECT 1 FROM worker w WHERE w.external_id = s.external_id
                    AND w.name = s.name AND w.org_id = s.org_id AND COALESCE(w.phone, '') = COALESCE(s.phone, ''))
                ON DUPLICATE KEY UPDATE name = VALUES(name), org_id = VALUES(org_id), phone = VALUES(phone),
                    updated_at = VALUES(updated_at)""");
             PreparedStatement cleanup = connection.prepareStatement(
                     "DELETE FROM worker_import_row WHERE import_id = ?")) {
            upsert.setTimestamp(1, now);
            upsert.setTimestamp(2, now);
            upsert.setLong(3, importId);
            upsert.executeUpdate();
            cleanup.setLong(1, importId);
            cleanup.executeUpdate();
        }
    }

    /** The unions an import changes, and whether any existing worker moves, taking their records along. */
    private record ChangedOrgs(Set<Long> orgs, boolean moved) {
    }

    /** Unions gaining new workers, and both ends of every worker who moves (the union left marked 1). */
    private static ChangedOrgs orgsChangedBy(Connection connection, long importId) throws SQLException {
        Set<Long> orgs = new HashSet<>();
        boolean moved = false;
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT DISTINCT s.org_id, 0 FROM worker_import_row s WHERE s.import_id = ?
                AND NOT EXISTS (SELECT 1 FROM worker w WHERE w.external_id = s.external_id AND w.org_id = s.org_id)
                UNION
                SELECT DISTINCT w.org_id, 1 FROM worker_import_row s JOIN worker w ON w.external_id = s.external_id
                WHERE s.import_id = ? AND w.org_id <> s.org_id""")) {
            query.setLong(1, importId);
            query.setLong(2, importId);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    orgs.add(rs.getLong(1));
                    moved |= rs.getInt(2) == 1;
                }
            }
        }
        return new ChangedOrgs(orgs, moved);
    }

    private static Map<String, Long> orgIdsByCode(Connection connection) throws SQLException {
        Map<String, Long> ids = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT code, id FROM organization");
             ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                ids.put(rs.getString(1), rs.getLong(2));
            }
        }
        return ids;
    }

    private static long count(Connection connection, String sql, long importId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setLong(1, importId);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
