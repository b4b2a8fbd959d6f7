package cn.qhzgh.study.common.retry;

import java.sql.SQLException;
import java.util.Optional;

/** Which database lock conflicts roll a transaction back in a way that a fresh try of it may avoid. */
public enum LockConflict {

    /** MySQL/MariaDB 1213, or any SQLState 40001 (serialization failure: H2's deadlock, too). */
    DEADLOCK,
    /** MySQL/MariaDB 1205: innodb_lock_wait_timeout passed while waiting for a row lock. */
    LOCK_WAIT_TIMEOUT;

    private static final int MYSQL_DEADLOCK = 1213;
    private static final int MYSQL_LOCK_WAIT_TIMEOUT = 1205;
    private static final String SERIALIZATION_FAILURE = "40001";

    /** The conflict behind a failure, found anywhere in its cause chain; empty when it is something else. */
    public static Optional<LockConflict> of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql) {
                if (sql.getErrorCode() == MYSQL_LOCK_WAIT_TIMEOUT) {
                    return Optional.of(LOCK_WAIT_TIMEOUT);
                }
                if (sql.getErrorCode() == MYSQL_DEADLOCK || SERIALIZATION_FAILURE.equals(sql.getSQLState())) {
                    return Optional.of(DEADLOCK);
                }
            }
        }
        return Optional.empty();
    }

    /** The tag value in metrics. */
    public String tag() {
        return name().toLowerCase().replace('_', '-');
    }
}
