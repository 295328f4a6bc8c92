package app.soapstone.storage;

import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.jdbc.core.dialect.JdbcDialect;
import org.springframework.data.relational.core.dialect.AbstractDialect;
import org.springframework.data.relational.core.dialect.LimitClause;
import org.springframework.data.relational.core.dialect.LockClause;
import org.springframework.data.relational.core.sql.IdentifierProcessing;
import org.springframework.data.relational.core.sql.LockOptions;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Spring Data JDBC dialect for SQLite (none ships with Spring Data). SQLite has no date types,
 * so dates are stored as ISO-8601 text ({@code 2026-11-21}), wall-clock times to the minute
 * ({@code 2026-11-21T14:30}) and instants as UTC text with millisecond precision
 * ({@code 2026-11-21T08:30:00.000Z}); each sorts correctly as text.
 */
public final class SqliteDialect extends AbstractDialect implements JdbcDialect {

    public static final SqliteDialect INSTANCE = new SqliteDialect();

    /** The one text form of an instant in the database. */
    public static final DateTimeFormatter INSTANT_TEXT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    /** The one text form of a local date-time in the database. */
    public static final DateTimeFormatter LOCAL_MINUTE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm");

    private static final LimitClause LIMIT = new LimitClause() {
        @Override
        public String getLimit(long limit) {
            return "LIMIT " + limit;
        }

        @Override
        public String getOffset(long offset) {
            // SQLite accepts OFFSET only after LIMIT; -1 means no limit.
            return "LIMIT -1 OFFSET " + offset;
        }

        @Override
        public String getLimitOffset(long limit, long offset) {
            return "LIMIT " + limit + " OFFSET " + offset;
        }

        @Override
        public Position getClausePosition() {
            return Position.AFTER_ORDER_BY;
        }
    };

    /** SQLite locks the whole database, so row locking clauses are left out. */
    private static final LockClause NO_LOCK = new LockClause() {
        @Override
        public String getLock(LockOptions lockOptions) {
            return "";
        }

        @Override
        public Position getClausePosition() {
            return Position.AFTER_ORDER_BY;
        }
    };

    private SqliteDialect() {
    }

    @Override
    public LimitClause limit() {
        return LIMIT;
    }

    @Override
    public LockClause lock() {
        return NO_LOCK;
    }

    @Override
    public IdentifierProcessing getIdentifierProcessing() {
        return IdentifierProcessing.create(IdentifierProcessing.Quoting.ANSI, IdentifierProcessing.LetterCasing.AS_IS);
    }

    /**
     * Dates, instants and minutes read from ISO-8601 text: how Soapstone keeps them on either
     * database (the record chain hashes that text), so {@link PostgresDialect} reads them so too.
     */
    static final List<Object> TEXT_TO_TIME = List.of(TextToLocalDate.INSTANCE, TextToInstant.INSTANCE,
            TextToLocalDateTime.INSTANCE);

    @Override
    public Collection<Object> getConverters() {
        List<Object> converters = new ArrayList<>(TEXT_TO_TIME);
        converters.addAll(List.of(LocalDateToText.INSTANCE, InstantToText.INSTANCE, LocalDateTimeToText.INSTANCE,
                NumberToBoolean.INSTANCE));
        return converters;
    }

    @WritingConverter
    enum LocalDateToText implements Converter<LocalDate, String> {
        INSTANCE;

        @Override
        public String convert(LocalDate source) {
            return source.toString();
        }
    }

    @ReadingConverter
    enum TextToLocalDate implements Converter<String, LocalDate> {
        INSTANCE;

        @Override
        public LocalDate convert(String source) {
            return LocalDate.parse(source);
        }
    }

    @WritingConverter
    enum InstantToText implements Converter<Instant, String> {
        INSTANCE;

        @Override
        public String convert(Instant source) {
            return INSTANT_TEXT.format(source);
        }
    }

    @ReadingConverter
    enum TextToInstant implements Converter<String, Instant> {
        INSTANCE;

        @Override
        public Instant convert(String source) {
            return Instant.parse(source);
        }
    }

    /** Wall-clock times such as appointment starts: local, to the minute ({@code 2026-11-21T14:30}). */
    @WritingConverter
    enum LocalDateTimeToText implements Converter<LocalDateTime, String> {
        INSTANCE;

        @Override
        public String convert(LocalDateTime source) {
            return LOCAL_MINUTE.format(source);
        }
    }

    @ReadingConverter
    enum TextToLocalDateTime implements Converter<String, LocalDateTime> {
        INSTANCE;

        @Override
        public LocalDateTime convert(String source) {
            return LocalDateTime.parse(source);
        }
    }

    @ReadingConverter
    enum NumberToBoolean implements Converter<Number, Boolean> {
        INSTANCE;

        @Override
        public Boolean convert(Number source) {
            return source.intValue() != 0;
        }
    }
}
