package cn.qhzgh.study.common.mapper;

import com.mysql.cj.exceptions.CJCommunicationsException;
import com.mysql.cj.exceptions.ConnectionIsClosedException;
import com.mysql.cj.exceptions.StatementIsClosedException;
import org.hibernate.exception.GenericJDBCException;
import org.hibernate.exception.JDBCConnectionException;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells failures of the database connection from other errors. A request that failed for want of a working
 * connection rolled back and may be retried as it was (answered 503); any other error stays a 500.
 */
final class DatabaseFailures {

    private DatabaseFailures() {
    }

    /**
     * True if the database was unreachable, the connection broke during the request, or the pool had none free.
     * Suppressed exceptions count too: a commit that loses its connection surfaces as the transaction manager's
     * RollbackException with the driver's failure only among the suppressed.
     */
    static boolean connectionUnavailable(Throwable e) {
        return Exceptions.anyMatch(e, cause -> connectionFailure(cause) || poolAcquisitionTimeout(cause));
    }

    private static boolean connectionFailure(Throwable cause) {
        return cause instanceof JDBCConnectionException
                || cause instanceof SQLNonTransientConnectionException
                || cause instanceof SQLTransientConnectionException
                || cause instanceof SQLRecoverableException
                || cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")
                || cause instanceof CJCommunicationsException
                // Connector/J closes a broken connection with its statements; work still queued on them fails so.
                || cause instanceof StatementIsClosedException
                || cause instanceof ConnectionIsClosedException;
    }

    /** Hibernate wraps a pool acquisition timeout in a GenericJDBCException with this fixed message. */
    private static boolean poolAcquisitionTimeout(Throwable cause) {
        return cause instanceof GenericJDBCException jdbc && jdbc.getMessage() != null
                && jdbc.getMessage().startsWith("Unable to acquire JDBC Connection");
    }
}
