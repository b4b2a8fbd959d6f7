package cn.qhzgh.study.common.retry;

import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransactionRollbackException;

import static org.assertj.core.api.Assertions.assertThat;

class LockConflictTest {

    private static RuntimeException wrapped(SQLException cause) {
        return new PersistenceException("could not execute statement", new RuntimeException(cause));
    }

    @Test
    void deadlocksAreFoundDeepInTheCauseChain() {
        SQLException mariaDb = new SQLTransactionRollbackException(
                "Deadlock found when trying to get lock; try restarting transaction", "40001", 1213);
        assertThat(LockConflict.of(wrapped(mariaDb))).contains(LockConflict.DEADLOCK);
        assertThat(LockConflict.of(wrapped(new SQLException("Deadlock", "HY000", 1213)))).contains(LockConflict.DEADLOCK);
        assertThat(LockConflict.of(wrapped(new SQLException("H2 deadlock", "40001", 40001))))
                .contains(LockConflict.DEADLOCK);
    }

    @Test
    void lockWaitTimeoutsAreTheirOwnCause() {
        SQLException timeout = new SQLException("Lock wait timeout exceeded; try restarting transaction", "40001", 1205);
        assertThat(LockConflict.of(wrapped(timeout))).contains(LockConflict.LOCK_WAIT_TIMEOUT);
        assertThat(LockConflict.LOCK_WAIT_TIMEOUT.tag()).isEqualTo("lock-wait-timeout");
    }

    @Test
    void otherFailuresAreNotRetried() {
        assertThat(LockConflict.of(wrapped(new SQLIntegrityConstraintViolationException("Duplicate entry", "23000", 1062))))
                .isEmpty();
        assertThat(LockConflict.of(wrapped(new SQLException("Data too long", "22001", 1406)))).isEmpty();
        assertThat(LockConflict.of(new IllegalStateException("no SQL at all"))).isEmpty();
        assertThat(LockConflict.of(null)).isEmpty();
    }
}
