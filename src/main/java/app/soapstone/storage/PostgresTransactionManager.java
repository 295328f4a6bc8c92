package app.soapstone.storage;

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
 * it was changing. Read-only transactions take no lock: readers never wait for writers.
 */
class PostgresTransactionManager extends JdbcTransactionManager {

    PostgresTransactionManager(DataSource dataSource) {
        super(dataSource);
    }

    @Override
    protected void prepareTransactionalConnection(Connection connection, TransactionDefinition definition)
            throws SQLException {
        super.prepareTransactionalConnection(connection, definition);
        if (!definition.isReadOnly()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT soapstone_write_lock()");
            }
        }
    }
}
