package app.soapstone.storage;

import org.springframework.jdbc.datasource.JdbcTransactionObjectSupport;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Spring's JDBC transaction manager, told that SQLite sometimes rolls a transaction back itself:
 * on a full disk (SQLITE_FULL), some I/O errors, or RAISE(ROLLBACK) in a trigger. Spring's own
 * rollback then fails with "cannot rollback - no transaction is active", and that failure used to
 * replace the error that caused it, so a large import on a full disk never mentioned the disk.
 * Nothing is left to undo then, so that rollback failure is not one.
 *
 * <p>It also commits differently. sqlite-jdbc's {@code commit()} runs COMMIT and then at once
 * BEGIN IMMEDIATE, the next transaction, which waits for the write lock. With several shells
 * writing, another one can take the lock in between: the BEGIN then times out as busy, and the
 * commit, which had succeeded, was reported as failed ("nothing was changed") - a therapist who
 * tried again had the note twice. Here a transaction ends by switching the connection back to
 * auto-commit, which runs COMMIT alone.
 */
class SqliteTransactionManager extends JdbcTransactionManager {

    SqliteTransactionManager(DataSource dataSource) {
        super(dataSource);
    }

    @Override
    protected void doCommit(DefaultTransactionStatus status) {
        Connection connection = ((JdbcTransactionObjectSupport) status.getTransaction()).getConnectionHolder().getConnection();
        try {
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            // sqlite-jdbc counts the connection as in auto-commit mode before its COMMIT runs: when
            // the COMMIT fails the transaction may still be open, so end it before the connection
            // goes back to the pool. (SQLite may have rolled it back already: nothing to undo.)
            try (Statement statement = connection.createStatement()) {
                statement.execute("ROLLBACK");
            } catch (SQLException alreadyEnded) {
                e.addSuppressed(alreadyEnded);
            }
            throw translateException("JDBC commit", e);
        }
    }

    @Override
    protected void doRollback(DefaultTransactionStatus status) {
        try {
            super.doRollback(status);
        } catch (RuntimeException e) {
            if (!rolledBackBySqlite(e)) {
                throw e;
            }
        }
    }

    private static boolean rolledBackBySqlite(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException && t.getMessage() != null
                    && t.getMessage().contains("cannot rollback - no transaction is active")) {
                return true;
            }
        }
        return false;
    }
}
