package app.soapstone.shell;

import app.soapstone.storage.DatabaseRefusedException;
import app.soapstone.template.InvalidTemplateException;
import app.soapstone.validation.NotFoundException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.beans.factory.UnsatisfiedDependencyException;

import static org.assertj.core.api.Assertions.assertThat;

/** Failures keep their message and status when Spring wraps them while it makes a bean. */
class FailureTest {

    @Test
    void aDatabaseRefusedWhileABeanIsMadeIsReportedAsTheRefusal() {
        DatabaseRefusedException refused = new DatabaseRefusedException("The database /x.db is damaged.");
        // Beans are made on first use, so the database can first be opened inside a command.
        Throwable wrapped = new UnsatisfiedDependencyException("clientCommands", "clientService", "clientService",
                new BeanCreationException("dataSource", "Failed to instantiate", refused));

        Failure failure = Failure.of(wrapped);

        assertThat(failure.status()).isEqualTo(Failure.DATABASE);
        assertThat(failure.message()).isEqualTo("The database /x.db is damaged.");
        assertThat(failure.unexpected()).isFalse();
    }

    @Test
    void aBrokenTemplateReadOnFirstUseIsReportedByItsMessage() {
        Failure failure = Failure.of(new BeanCreationException("carePlanService",
                "Failed", new InvalidTemplateException("Template /o/careplan/plan.yaml is not valid")));

        assertThat(failure.status()).isEqualTo(Failure.ERROR);
        assertThat(failure.message()).isEqualTo("Template /o/careplan/plan.yaml is not valid");
        assertThat(failure.unexpected()).isFalse();
    }

    @Test
    void aLoginThePostgresServerRefusedIsStatusFourInOneLine() {
        // As Spring's JDBC translation hands over PostgreSQL's "permission denied" (SQLState 42501).
        Throwable denied = new org.springframework.jdbc.BadSqlGrammarException("SELECT", "SELECT * FROM session",
                new java.sql.SQLException("ERROR: permission denied for table session\n  Where: x", "42501"));

        Failure failure = Failure.of(denied);

        assertThat(failure.status()).isEqualTo(Failure.CONFLICT).isEqualTo(4);
        assertThat(failure.message()).isEqualTo("The database refused this login: permission denied for table"
                + " session. Nothing was changed.");
        assertThat(failure.unexpected()).isFalse();
        assertThat(Failure.of(new java.sql.SQLException("ERROR: syntax error", "42601")).status()).isEqualTo(Failure.DATABASE);
    }

    @Test
    void otherFailuresAreUnwrappedToo() {
        assertThat(Failure.of(new BeanCreationException("x", "y", new NotFoundException("No client with id 9"))).status())
                .isEqualTo(Failure.NOT_FOUND);
        assertThat(Failure.of(new BeanCreationException("x", "Something broke")).unexpected()).isTrue();
    }

    @Test
    void unexpectedFailuresNameNoJavaClasses() {
        // Exceptions print their causes as "java.io.IOException: ..."; what follows is the message.
        Failure wrapped = Failure.of(new IllegalStateException("java.io.UncheckedIOException: java.io.IOException:"
                + " Stale file handle"));
        Failure bare = Failure.of(new IllegalStateException(new NullPointerException()));

        assertThat(wrapped.message()).isEqualTo("Unexpected error: Stale file handle");
        assertThat(bare.message()).isEqualTo("Unexpected error (details are in soapstone.log beside the database)");
        assertThat(bare.status()).isEqualTo(Failure.ERROR);
    }
}
