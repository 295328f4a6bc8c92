package app.soapstone.storage;

import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

import javax.sql.DataSource;
import java.sql.SQLException;

/**
 * Spring's JDBC transaction manager, told that SQLite sometimes rolls a transaction back itself:
 * on a full disk (SQLITE_FULL), some I/O errors, or RAISE(ROLLBACK) in a trigger. Spring's own
 * rollback then fails with "cannot rollback - no transaction is active", and that failure used to
 * replace the error that caused it, so a large import on a full disk never mentioned the disk.
 * Nothing is left to undo then, so that rollback failure is not one.
 */
class SqliteTransactionManager extends JdbcTransactionManager {

    SqliteTransactionManager(DataSource dataSource) {
        super(dataSource);
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
