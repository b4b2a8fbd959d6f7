package cn.qhzgh.study.org;

import java.util.List;

/**
 * Orgs an import moved, with every org below them: each one's path before the import and after it. Fired in the
 * import's transaction, after the new paths are set, so that figures kept per subtree can follow the move.
 */
public record OrgPathsChanged(List<PathChange> changes) {

    public record PathChange(long orgId, String oldPath, String newPath) {
    }
}
