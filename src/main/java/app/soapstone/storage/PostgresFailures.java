package app.soapstone.storage;

import java.sql.SQLException;

/** Why a PostgreSQL server could not be used, in one line that says what to do. */
final class PostgresFailures {

    private PostgresFailures() {
    }

    /** {@code e}, from connecting to or first reading {@code server}, as a refusal naming the server. */
    static DatabaseRefusedException refused(PostgresAddress server, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String user = server.user() == null ? "" : " as " + server.user();
        String message;
        if (state.startsWith("08") && isMissingPassword(e)) {
            message = "The PostgreSQL server at " + server + " asks for a password" + user + ", and none was found"
                    + " for it in " + server.passwordFile() + ". Add a line host:port:database:user:password"
                    + " there (readable by you only), or name another file with PGPASSFILE.";
        } else if (state.equals("08001") || state.equals("08006")) {
            message = "Cannot reach the PostgreSQL server at " + server + ": is it running, and does it accept TCP"
                    + " connections on that host and port? Check " + DataLocation.DATABASE_VARIABLE + " ("
                    + firstLine(e) + ").";
        } else if (state.equals("28P01") || state.equals("28000")) {
            message = "The PostgreSQL server at " + server + " refused the login" + user + ": check the password in "
                    + server.passwordFile() + " and the server's pg_hba.conf (" + firstLine(e) + ").";
        } else if (state.equals("3D000")) {
            message = "The PostgreSQL server has no database " + server.database() + " (" + server
                    + "): create it (createdb " + server.database() + ") or fix " + DataLocation.DATABASE_VARIABLE + ".";
        } else {
            message = "Cannot use the PostgreSQL database " + server + ": " + firstLine(e);
        }
        return new DatabaseRefusedException(message, e);
    }

    private static boolean isMissingPassword(SQLException e) {
        return e.getMessage() != null && e.getMessage().contains("no password was provided");
    }

    private static String firstLine(SQLException e) {
        String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return text.lines().findFirst().orElse(text).strip();
    }
}
