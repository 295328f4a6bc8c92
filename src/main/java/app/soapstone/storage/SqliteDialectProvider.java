package app.soapstone.storage;

import org.springframework.data.jdbc.core.dialect.DialectResolver;
import org.springframework.data.relational.core.dialect.Dialect;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcOperations;

import java.util.Locale;
import java.util.Optional;

/** Tells Spring Data JDBC to use {@link SqliteDialect} on SQLite connections (see META-INF/spring.factories). */
public class SqliteDialectProvider implements DialectResolver.JdbcDialectProvider {

    @Override
    public Optional<Dialect> getDialect(JdbcOperations operations) {
        String product = operations.execute((ConnectionCallback<String>) connection ->
                connection.getMetaData().getDatabaseProductName());
        return product != null && product.toLowerCase(Locale.ROOT).contains("sqlite")
                ? Optional.of(SqliteDialect.INSTANCE) : Optional.empty();
    }
}
