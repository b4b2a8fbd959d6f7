package cn.qhzgh.study.org;

import cn.qhzgh.study.common.DbClock;
import cn.qhzgh.study.common.DomainException;
import cn.qhzgh.study.common.ProblemError;
import cn.qhzgh.study.common.http.UploadLimits;
import cn.qhzgh.study.common.tabular.TabularFormat;
import cn.qhzgh.study.common.tabular.TabularLimits;
import cn.qhzgh.study.common.tabular.TabularReader;
import cn.qhzgh.study.common.tabular.TabularRow;
import cn.qhzgh.study.security.CallerService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Imports the union tree all-or-nothing: every row is checked before anything is written. */
@ApplicationScoped
public class OrgImportService {

    static final List<String> COLUMNS = List.of("code", "name", "type", "parent_code");

    private final CallerService callers;
    private final TabularLimits limits;
    private final Event<OrgPathsChanged> pathsChanged;

    public OrgImportService(CallerService callers, UploadLimits uploadLimits, Event<OrgPathsChanged> pathsChanged) {
        this.limits = uploadLimits.tabular();
        this.callers = callers;
        this.pathsChanged = pathsChanged;
    }

    @Transactional
    public OrgImportResult importOrgs(InputStream file, TabularFormat format, boolean dryRun) {
        List<OrgRow> rows = readRows(file, format);
        if (rows.isEmpty()) {
            throw DomainException.unprocessable("empty-file", "The file has a header but no data rows.", List.of(), 0);
        }
        Map<String, Organization> existing = Organization.<Organization>listAll().stream()
                .collect(Collectors.toMap(o -> o.code, Function.identity()));
        OrgRowValidator validator = new OrgRowValidator(existing);
        Map<String, OrgRow> byCode = validator.validate(rows);
        List<ProblemError> errors = validator.errors();
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(ProblemError::row));
            throw DomainException.unprocessable("invalid-org-file",
                    errors.size() + " problem(s) found; nothing was imported.", errors, errors.size());
        }
        OrgTreeWriter writer = new OrgTreeWriter(existing, DbClock.now(), dryRun);
        for (OrgRow row : topologicalOrder(byCode, existing)) {
            writer.apply(row);
        }
        if (!dryRun && writer.changed() > 0) {
            callers.forgetAll();
        }
        if (!dryRun && !writer.pathChanges().isEmpty()) {
            pathsChanged.fire(new OrgPathsChanged(writer.pathChanges()));
        }
        return new OrgImportResult(dryRun, rows.size(), writer.created(), writer.updated(),
                rows.size() - writer.created() - writer.updated());
    }

    private List<OrgRow> readRows(InputStream file, TabularFormat format) {
        List<OrgRow> rows = new ArrayList<>();
        try (TabularReader reader = TabularReader.open(file, format, COLUMNS, Map.of(), limits)) {
            while (reader.hasNext()) {
                TabularRow row = reader.next();
                rows.add(new OrgRow(row.rowNumber(), row.cell("code"), row.cell("name"), row.cell("type"),
                        row.cell("parent_code")));
            }
        }
        return rows;
    }

    /** Parents before children, so each row can find its parent's final path. */
    private static List<OrgRow> topologicalOrder(Map<String, OrgRow> byCode, Map<String, Organization> existing) {
        Map<String, Integer> depth = new HashMap<>();
        for (String code : byCode.keySet()) {
            depthOf(code, byCode, existing, depth);
        }
        return byCode.values().stream()
                .sorted(Comparator.comparingInt((OrgRow r) -> depth.get(r.code())).thenComparingLong(OrgRow::row))
                .toList();
    }

    private static int depthOf(String code, Map<String, OrgRow> byCode, Map<String, Organization> existing,
                               Map<String, Integer> memo) {
        Integer known = memo.get(code);
        if (known != null) {
            return known;
        }
        OrgRow row = byCode.get(code);
        int depth;
        if (row != null) {
            depth = row.isRoot() ? 0 : 1 + depthOf(row.parentCode(), byCode, existing, memo);
        } else {
            depth = existing.get(code).depth;
        }
        memo.put(code, depth);
        return depth;
    }
}
