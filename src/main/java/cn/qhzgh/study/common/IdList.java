package cn.qhzgh.study.common;

import java.util.Collection;
import java.util.stream.Collectors;

/**
 * The body of an SQL {@code IN (…)} list of row ids. Ids are numbers read from our own rows, so they are written
 * inline: one statement text per list instead of a placeholder per id, which MariaDB caps at 65,535.
 */
public final class IdList {

    private IdList() {
    }

    /** {@code 3, 5, 8}; an empty collection gives {@code -1}, which no row id matches. */
    public static String of(Collection<? extends Number> ids) {
        return ids.isEmpty() ? "-1" : ids.stream().map(id -> Long.toString(id.longValue()))
                .collect(Collectors.joining(", "));
    }
}
