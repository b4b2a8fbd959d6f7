package cn.qhzgh.study.org;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Applies validated rows in parent-first order, rewriting materialized paths of moved subtrees. */
final class OrgTreeWriter {

    private final Map<String, Organization> byCode;
    private final Instant now;
    private final boolean dryRun;
    /** Each moved org's path before the import, and its path now. */
    private final Map<Long, String[]> moves = new LinkedHashMap<>();
    private int created;
    private int updated;

    OrgTreeWriter(Map<String, Organization> byCode, Instant now, boolean dryRun) {
        this.byCode = byCode;
        this.now = now;
        this.dryRun = dryRun;
    }

    void apply(OrgRow row) {
        OrgType type = OrgRowValidator.typeOf(row.type());
        Organization parent = row.isRoot() ? null : byCode.get(row.parentCode());
        Organization org = byCode.get(row.code());
        if (org == null) {
            created++;
            if (!dryRun) {
                byCode.put(row.code(), create(row, type, parent));
            } else {
                byCode.put(row.code(), placeholder(row, type, parent));
            }
            return;
        }
        Long parentId = parent == null ? null : parent.id;
        boolean moved = !Objects.equals(org.parentId, parentId);
        boolean changed = moved || !org.name.equals(row.name()) || org.type != type;
        if (!changed) {
            return;
        }
        updated++;
        if (dryRun) {
            return;
        }
        org.name = row.name();
        org.type = type;
        org.parentId = parentId;
        org.updatedAt = now;
        if (moved) {
            rewriteSubtree(org.path, pathUnder(parent, org.id));
        }
    }

    int created() {
        return created;
    }

    int updated() {
        return updated;
    }

    int changed() {
        return created + updated;
    }

    /** The orgs whose path this import changed, from their first path to their last. */
    List<OrgPathsChanged.PathChange> pathChanges() {
        List<OrgPathsChanged.PathChange> changes = new ArrayList<>();
        moves.forEach((id, paths) -> {
            if (!paths[0].equals(paths[1])) {
                changes.add(new OrgPathsChanged.PathChange(id, paths[0], paths[1]));
            }
        });
        return changes;
    }

    private Organization create(OrgRow row, OrgType type, Organization parent) {
        Organization org = new Organization();
        org.code = row.code();
        org.name = row.name();
        org.type = type;
        org.parentId = parent == null ? null : parent.id;
        org.path = "/";
        org.depth = parent == null ? 0 : parent.depth + 1;
        org.createdAt = now;
        org.updatedAt = now;
        org.persist();
        org.path = pathUnder(parent, org.id);
        return org;
    }

    /** Stands in for a row a dry run would create, so its children still find a parent. */
    private static Organization placeholder(OrgRow row, OrgType type, Organization parent) {
        Organization org = new Organization();
        org.code = row.code();
        org.type = type;
        org.depth = parent == null ? 0 : parent.depth + 1;
        org.path = (parent == null ? "/" : parent.path) + "new-" + row.row() + "/";
        return org;
    }

    private void rewriteSubtree(String oldPath, String newPath) {
        int depthShift = segments(newPath) - segments(oldPath);
        for (Organization member : byCode.values()) {
            if (member.path.startsWith(oldPath)) {
                String before = member.path;
                member.path = newPath + member.path.substring(oldPath.length());
                if (member.id != null) {
                    moves.computeIfAbsent(member.id, id -> new String[]{before, null})[1] = member.path;
                }
                member.depth += depthShift;
                member.updatedAt = now;
            }
        }
    }

    private static String pathUnder(Organization parent, Long id) {
        return (parent == null ? "/" : parent.path) + id + "/";
    }

    private static int segments(String path) {
        return (int) path.chars().filter(c -> c == '/').count() - 1;
    }
}
