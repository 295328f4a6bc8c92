package app.soapstone.report;

import app.soapstone.validation.Fields;
import app.soapstone.validation.InvalidInputException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;

/**
 * The days a report covers, {@code from} to {@code to} inclusive, in the clinic's time zone: a
 * month ({@code --month 2026-11}) or the dates given ({@code --from}, {@code --to}).
 *
 * @param month the month it is, or null when it was given as dates
 */
record ReportPeriod(LocalDate from, LocalDate to, YearMonth month) {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("uuuu-MM", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter MONTH_NAME = DateTimeFormatter.ofPattern("MMMM uuuu", Locale.ENGLISH);

    /**
     * The period the options name, read against the clinic's {@code today}: {@code month} (YYYY-MM),
     * or {@code from} (a date, {@code today} or {@code yesterday}) to {@code to} (the same; today if
     * not given); the month of today when neither is given.
     */
    static ReportPeriod of(String month, String from, String to, LocalDate today) {
        if (month != null && (from != null || to != null)) {
            throw InvalidInputException.forField("month", "give a month or --from and --to, not both");
        }
        if (month != null) {
            return month(month);
        }
        if (from == null && to != null) {
            throw InvalidInputException.forField("to", "give --from too (the first day), or --month YYYY-MM");
        }
        if (from == null) {
            return ofMonth(YearMonth.from(today));
        }
        LocalDate first = Fields.date("from", from, today);
        LocalDate last = to == null ? today : Fields.date("to", to, today);
        if (first.isAfter(last)) {
            throw InvalidInputException.forField(to == null ? "from" : "to", (to == null ? first + " is after today, "
                    + last : last + " is before --from " + first) + ": the period runs from --from to --to");
        }
        return new ReportPeriod(first, last, null);
    }

    private static ReportPeriod month(String text) {
        String typed = text.strip();
        try {
            return ofMonth(YearMonth.parse(typed, MONTH));
        } catch (DateTimeParseException e) {
            throw InvalidInputException.forField("month", Fields.quote(typed)
                    + " is not a month: use YYYY-MM, e.g. 2026-11");
        }
    }

    private static ReportPeriod ofMonth(YearMonth month) {
        return new ReportPeriod(month.atDay(1), month.atEndOfMonth(), month);
    }

    /** The first moment of the period in {@code zone}: local midnight starting {@link #from}. */
    Instant start(ZoneId zone) {
        return from.atStartOfDay(zone).toInstant();
    }

    /** The first moment after the period in {@code zone}: local midnight ending {@link #to}. */
    Instant end(ZoneId zone) {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** "November 2026 (2026-11-01 to 2026-11-30)", or "2026-11-03 to 2026-11-20". */
    String said() {
        String dates = from.equals(to) ? from.toString() : from + " to " + to;
        return month == null ? dates : MONTH_NAME.format(month) + " (" + dates + ")";
    }

    /** "2026-11" or "2026-11-03-to-2026-11-20", for a file's name. */
    String fileWord() {
        return month != null ? month.toString() : from.equals(to) ? from.toString() : from + "-to-" + to;
    }
}
