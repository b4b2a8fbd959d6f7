package cn.qhzgh.study.org;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/** Applies validated rows in parent-first order, rewriting materialized paths of moved subtrees. */
final class OrgTreeWriter {

    private final Map<String, Organization> byCode;
    private final Instant now;
    private final boolean dryRun;
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
                member.path = newPath + member.path.substring(oldPath.length());
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
