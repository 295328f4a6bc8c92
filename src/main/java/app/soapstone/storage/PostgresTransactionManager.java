package app.soapstone.storage;

import org.springframework.dao.CannotAcquireLockException;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Spring's JDBC transaction manager, with one writer at a time on PostgreSQL as SQLite's BEGIN
 * IMMEDIATE gives on a file: a transaction that may write first takes the database's write lock
 * ({@code soapstone_write_lock()}, from migration 19), held until it commits or rolls back.
 * Without it, two writers under READ COMMITTED could both read the same head of the record chain,
 * and a writer that took the lock only at its chain link could deadlock with one holding the row
 * it was changing. Read-only transactions take no lock: readers never wait for writers. A writer
 * waits for the lock as long as SQLite waits for a busy database, then gives up as SQLite does:
 * "the database is busy", nothing changed.
 */
class PostgresTransactionManager extends JdbcTransactionManager {

    /** SQLSTATE lock_not_available: lock_timeout passed. */
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    PostgresTransactionManager(DataSource dataSource) {
        super(dataSource);
    }

    @Override
    protected void prepareTransactionalConnection(Connection connection, TransactionDefinition definition)
            throws SQLException {
        super.prepareTransactionalConnection(connection, definition);
        if (!definition.isReadOnly()) {
            try (Statement statement = connection.createStatement()) {
                // For this lock only: other waits (a long copy's, say) keep the server's setting.
                statement.execute("SET LOCAL lock_timeout = " + DatabaseConfiguration.BUSY_TIMEOUT_MILLIS);
                statement.execute("SELECT soapstone_write_lock()");
                statement.execute("SET LOCAL lock_timeout TO DEFAULT");
            } catch (SQLException e) {
                if (LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
                    throw new CannotAcquireLockException("Another writer held the database for "
                            + DatabaseConfiguration.BUSY_TIMEOUT_MILLIS / 1000 + " s", e);
                }
                throw e;
            }
        }
    }
}
