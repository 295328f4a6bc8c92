package app.soapstone.storage;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.jdbc.core.dialect.DialectResolver;
import org.springframework.data.jdbc.core.dialect.JdbcPostgresDialect;
import org.springframework.data.jdbc.core.mapping.JdbcValue;
import org.springframework.data.relational.core.dialect.Dialect;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcOperations;

import java.sql.JDBCType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Spring Data JDBC's PostgreSQL dialect, with dates, instants and minutes kept as ISO-8601 text as
 * on SQLite (the schema's columns are text, and the record chain hashes that text). Left to the
 * stock dialect, they would be sent as SQL timestamps; and text alone is not enough, since Spring
 * Data still names the parameter a TIMESTAMP, which makes the driver parse the text as one. So
 * each is written as text named VARCHAR.
 */
public final class PostgresDialect extends JdbcPostgresDialect {

    static final PostgresDialect INSTANCE = new PostgresDialect();

    private PostgresDialect() {
    }

    @Override
    public Collection<Object> getConverters() {
        List<Object> converters = new ArrayList<>(SqliteDialect.TEXT_TO_TIME);
        converters.add(TimeToText.INSTANCE);
        converters.addAll(super.getConverters());
        return converters;
    }

    /** Each time type to its text, as {@link SqliteDialect} writes it, named VARCHAR. */
    @WritingConverter
    enum TimeToText implements GenericConverter {
        INSTANCE;

        @Override
        public Set<ConvertiblePair> getConvertibleTypes() {
            return Set.of(new ConvertiblePair(LocalDate.class, JdbcValue.class),
                    new ConvertiblePair(Instant.class, JdbcValue.class),
                    new ConvertiblePair(LocalDateTime.class, JdbcValue.class));
        }

        @Override
        public JdbcValue convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
            String text = switch (source) {
                case null -> null;
                case LocalDate date -> SqliteDialect.LocalDateToText.INSTANCE.convert(date);
                case Instant instant -> SqliteDialect.InstantToText.INSTANCE.convert(instant);
                case LocalDateTime minute -> SqliteDialect.LocalDateTimeToText.INSTANCE.convert(minute);
                default -> throw new IllegalArgumentException("not a time: " + source.getClass());
            };
            return text == null ? null : JdbcValue.of(text, JDBCType.VARCHAR);
        }
    }

    /** Picks {@link PostgresDialect} on PostgreSQL connections, before Spring Data's own choice (see META-INF/spring.factories). */
    @Order(Ordered.HIGHEST_PRECEDENCE)
    public static class Provider implements DialectResolver.JdbcDialectProvider {

        @Override
        public Optional<Dialect> getDialect(JdbcOperations operations) {
            String product = operations.execute((ConnectionCallback<String>) connection ->
                    connection.getMetaData().getDatabaseProductName());
            return product != null && product.toLowerCase(Locale.ROOT).contains("postgresql")
                    ? Optional.of(INSTANCE) : Optional.empty();
        }
    }
}
