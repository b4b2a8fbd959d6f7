package cn.qhzgh.study.org;

import java.util.Set;

/**
 * Unions whose set of workers changed (new, or moved in or out), fired before the change commits; {@code moved} when
 * existing workers changed union, taking their records with them.
 */
public record WorkersChanged(Set<Long> orgIds, boolean moved) {
}
