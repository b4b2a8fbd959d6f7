package cn.qhzgh.study.common.mapper;

import cn.qhzgh.study.common.Problem;
import com.mysql.cj.exceptions.CJCommunicationsException;
import com.mysql.cj.exceptions.StatementIsClosedException;
import com.mysql.cj.jdbc.exceptions.SQLExceptionsMapping;
import io.quarkus.arc.ArcUndeclaredThrowableException;
import jakarta.transaction.RollbackException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.hibernate.exception.GenericJDBCException;
import org.hibernate.exception.JDBCConnectionException;
import org.hibernate.exception.SQLGrammarException;
import org.junit.jupiter.api.Test;

import javax.transaction.xa.XAException;
import java.net.ConnectException;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures mean "no working database connection" (503, retry) and which stay our bug (500). */
class DatabaseFailuresTest {

    /** What a request got when MariaDB was killed while its transaction flushed (bench/faults, scenario mariadb). */
    private static GenericJDBCException statementClosedUnderneath() {
        SQLException closed = SQLExceptionsMapping.translateException(
                new StatementIsClosedException("No operations allowed after statement closed."));
        return new GenericJDBCException("could not execute batch", closed, "update quiz_attempt set status=? where id=?");
    }

    @Test
    void aStatementClosedWithItsBrokenConnectionIsAConnectionFailure() {
        assertThat(DatabaseFailures.connectionUnavailable(statementClosedUnderneath())).isTrue();
    }

    /** What a request got when MariaDB was killed during its commit: the driver's failure is only suppressed. */
    private static ArcUndeclaredThrowableException commitLostItsConnection() {
        XAException xa = new XAException("Error trying to transactionCommit local transaction: Communications link failure");
        xa.initCause(SQLExceptionsMapping.translateException(new CJCommunicationsException("Communications link failure",
                new SocketException("Connection reset"))));
        RollbackException rollback = new RollbackException("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(xa);
        return new ArcUndeclaredThrowableException("Error invoking subclass method", rollback);
    }

    @Test
    void aCommitThatLostItsConnectionIsAConnectionFailure() {
        assertThat(DatabaseFailures.connectionUnavailable(commitLostItsConnection())).isTrue();
        RollbackException otherRollback = new RollbackException("ARJUNA016053: Could not commit transaction.");
        otherRollback.addSuppressed(new XAException("constraint violated"));
        assertThat(DatabaseFailures.connectionUnavailable(otherRollback)).isFalse();
    }

    @Test
    void connectionStatesAndTypesAreConnectionFailures() {
        SQLException refused = new SQLNonTransientConnectionException("Could not create connection", "08001",
                new ConnectException("Connection refused"));
        assertThat(DatabaseFailures.connectionUnavailable(new JDBCConnectionException("link failure", refused))).isTrue();
        assertThat(DatabaseFailures.connectionUnavailable(new RuntimeException(refused))).isTrue();
        assertThat(DatabaseFailures.connectionUnavailable(new SQLException("gone", "08S01"))).isTrue();
        assertThat(DatabaseFailures.connectionUnavailable(new GenericJDBCException(
                "Unable to acquire JDBC Connection", new SQLException("timeout")))).isTrue();
    }

    @Test
    void otherDatabaseErrorsAndBugsAreNot() {
        assertThat(DatabaseFailures.connectionUnavailable(new SQLGrammarException("bad SQL",
                new SQLException("You have an error in your SQL syntax", "42000")))).isFalse();
        assertThat(DatabaseFailures.connectionUnavailable(new GenericJDBCException("could not execute",
                new SQLException("Data truncated", "01000")))).isFalse();
        assertThat(DatabaseFailures.connectionUnavailable(new IllegalStateException("bug"))).isFalse();
    }

    @Test
    void theMapperAnswersALostConnection503WithRetryAfter() {
        for (Throwable lost : List.of(statementClosedUnderneath(), commitLostItsConnection())) {
            Response response = new ProblemMapper().unexpected(lost, null);
            assertThat(response.getStatus()).as(lost.toString()).isEqualTo(503);
            assertThat(response.getHeaderString(HttpHeaders.RETRY_AFTER)).isEqualTo("2");
            assertThat(response.getMediaType().toString()).isEqualTo(Problem.MEDIA_TYPE);
        }
    }
}
