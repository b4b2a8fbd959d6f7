package cn.qhzgh.study.org;

import cn.qhzgh.study.common.DirectoryRules;
import cn.qhzgh.study.common.ProblemError;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Checks an org upload as a whole against itself and the directory, collecting every finding. */
final class OrgRowValidator {

    private final Map<String, Organization> existing;
    private final Map<Long, String> existingCodeById = new HashMap<>();
    private final List<ProblemError> errors = new ArrayList<>();

    OrgRowValidator(Map<String, Organization> existing) {
        this.existing = existing;
        existing.values().forEach(o -> existingCodeById.put(o.id, o.code));
    }

    /** Returns the rows keyed by code when valid, otherwise the collected errors stay in {@link #errors()}. */
    Map<String, OrgRow> validate(List<OrgRow> rows) {
        Map<String, OrgRow> byCode = new LinkedHashMap<>();
        for (OrgRow row : rows) {
            checkCells(row);
            OrgRow first = byCode.putIfAbsent(row.code(), row);
            if (first != null && !row.code().isEmpty()) {
                errors.add(ProblemError.cell(row.row(), "code",
                        "duplicate code '" + row.code() + "', first used on row " + first.row()));
            }
        }
        for (OrgRow row : byCode.values()) {
            checkParent(row, byCode);
        }
        checkSingleRoot(byCode);
        checkCycles(byCode);
        checkNoChildrenUnderGrassroots(byCode);
        return byCode;
    }

    List<ProblemError> errors() {
        return errors;
    }

    private void checkCells(OrgRow row) {
        if (row.code().isEmpty()) {
            errors.add(ProblemError.cell(row.row(), "code", "code is required"));
        } else if (!DirectoryRules.isOrgCode(row.code())) {
            errors.add(ProblemError.cell(row.row(), "code", "code must be " + DirectoryRules.ORG_CODE_RULE));
        }
        if (row.name().isEmpty()) {
            errors.add(ProblemError.cell(row.row(), "name", "name is required"));
        } else if (row.name().length() > 128) {
            errors.add(ProblemError.cell(row.row(), "name", "name is longer than 128 characters"));
        }
        if (typeOf(row.type()) == null) {
            errors.add(ProblemError.cell(row.row(), "type", "type '" + row.type()
                    + "' is not one of PROVINCE, CITY, INDUSTRY, DIRECT, COUNTY, GRASSROOTS"));
        }
    }

    private void checkParent(OrgRow row, Map<String, OrgRow> byCode) {
        OrgType type = typeOf(row.type());
        if (row.isRoot()) {
            if (type != null && type != OrgType.PROVINCE) {
                errors.add(ProblemError.cell(row.row(), "parent_code",
                        "only the PROVINCE union may have no parent"));
            }
            return;
        }
        if (type == OrgType.PROVINCE) {
            errors.add(ProblemError.cell(row.row(), "parent_code", "the PROVINCE union cannot have a parent"));
        }
        if (row.parentCode().equals(row.code())) {
            errors.add(ProblemError.cell(row.row(), "parent_code", "an org cannot be its own parent (cycle)"));
            return;
        }
        OrgType parentType = parentType(row.parentCode(), byCode);
        if (parentType == null && !byCode.containsKey(row.parentCode())) {
            errors.add(ProblemError.cell(row.row(), "parent_code",
                    "unknown parent '" + row.parentCode() + "': not in this file nor in the directory"));
        } else if (parentType == OrgType.GRASSROOTS) {
            errors.add(ProblemError.cell(row.row(), "parent_code",
                    "parent '" + row.parentCode() + "' is a GRASSROOTS union, which cannot have child unions"));
        }
    }

    private void checkSingleRoot(Map<String, OrgRow> byCode) {
        Set<String> roots = new HashSet<>();
        existing.values().stream().filter(o -> o.parentId == null).forEach(o -> roots.add(o.code));
        byCode.values().forEach(row -> {
            if (row.isRoot()) {
                roots.add(row.code());
            } else {
                roots.remove(row.code());
            }
        });
        if (roots.size() > 1) {
            byCode.values().stream().filter(OrgRow::isRoot).filter(r -> !existingRoot(r.code())).forEach(row ->
                    errors.add(ProblemError.cell(row.row(), "parent_code",
                            "the directory already has a PROVINCE root; only one is allowed")));
        }
    }

    /** A row that makes a union GRASSROOTS while the directory keeps a child under it (file children: checkParent). */
    private void checkNoChildrenUnderGrassroots(Map<String, OrgRow> byCode) {
        Map<String, String> childOf = new HashMap<>();
        existing.keySet().stream().filter(code -> !byCode.containsKey(code)).sorted().forEach(code -> {
            String parent = parentCodeOf(code, byCode);
            if (parent != null) {
                childOf.putIfAbsent(parent, code);
            }
        });
        byCode.values().stream().filter(row -> typeOf(row.type()) == OrgType.GRASSROOTS)
                .filter(row -> childOf.containsKey(row.code()))
                .forEach(row -> errors.add(ProblemError.cell(row.row(), "type", "'" + row.code()
                        + "' has child unions in the directory (e.g. '" + childOf.get(row.code())
                        + "'), so it cannot be GRASSROOTS")));
    }

    private boolean existingRoot(String code) {
        Organization org = existing.get(code);
        return org != null && org.parentId == null;
    }

    /** Follows parents through the merged tree (file over directory); a walk that returns to its start is a cycle. */
    private void checkCycles(Map<String, OrgRow> byCode) {
        for (OrgRow row : byCode.values()) {
            List<String> trail = new ArrayList<>(List.of(row.code()));
            String current = parentCodeOf(row.code(), byCode);
            while (current != null && !current.isEmpty()) {
                if (current.equals(row.code())) {
                    trail.add(current);
                    errors.add(ProblemError.cell(row.row(), "parent_code",
                            "cycle in the tree: " + String.join(" → ", trail)));
                    break;
                }
                if (trail.contains(current) || trail.size() > 64) {
                    break;
                }
                trail.add(current);
                current = parentCodeOf(current, byCode);
            }
        }
    }

    private String parentCodeOf(String code, Map<String, OrgRow> byCode) {
        OrgRow row = byCode.get(code);
        if (row != null) {
            return row.parentCode();
        }
        Organization org = existing.get(code);
        return org == null || org.parentId == null ? null : existingCodeById.get(org.parentId);
    }

    private OrgType parentType(String parentCode, Map<String, OrgRow> byCode) {
        OrgRow inFile = byCode.get(parentCode);
        if (inFile != null) {
            return typeOf(inFile.type());
        }
        Organization org = existing.get(parentCode);
        return org == null ? null : org.type;
    }

    static OrgType typeOf(String raw) {
        try {
            return OrgType.valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
