package cn.qhzgh.study.admission;

import java.util.regex.Pattern;

/**
 * How much a request matters when the pod is past its capacity, told from its method and path alone, before any
 * work: cheap and important work is admitted first, expensive work is shed first.
 */
public enum Priority {

    /** A module revalidation (If-None-Match): answered from memory without the database, so never refused. */
    REVALIDATION,
    /** Module reads and progress sync: what every phone does while studying. */
    CRITICAL,
    /** Quiz starts and submissions, and every operation not named elsewhere. */
    STANDARD,
    /** Statistics and exports: the most expensive requests, and the ones an admin can repeat later. */
    SHEDDABLE;

    private static final Pattern MODULE = Pattern.compile("/api/v1/modules(/[^/]+)?");
    private static final String PROGRESS = "/api/v1/me/progress";
    private static final String XAPI_EXPORT = "/api/v1/admin/xapi/statements";

    /** @param conditional whether the request carries If-None-Match */
    public static Priority of(String method, String path, boolean conditional) {
        boolean get = "GET".equals(method);
        if (get && MODULE.matcher(path).matches()) {
            return conditional && path.length() > "/api/v1/modules".length() ? REVALIDATION : CRITICAL;
        }
        if ("POST".equals(method) && PROGRESS.equals(path)) {
            return CRITICAL;
        }
        if (path.startsWith("/api/v1/stats/") || path.startsWith("/api/v1/admin/stats/")
                || get && (path.endsWith("/export") || XAPI_EXPORT.equals(path))) {
            return SHEDDABLE;
        }
        return STANDARD;
    }
}
