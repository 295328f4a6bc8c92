package app.soapstone.record;

import app.soapstone.validation.Fields;
import app.soapstone.validation.InvalidInputException;

import java.time.LocalDate;

/**
 * The dates a chart covers, {@code chart export --from --to}: either end may be open, and both
 * are for the whole record.
 */
record ChartPeriod(LocalDate from, LocalDate to) {

    static final ChartPeriod WHOLE_RECORD = new ChartPeriod(null, null);

    /** The period from the options as typed; a start in the future or after the end is refused. */
    static ChartPeriod parse(String from, String to, LocalDate today) {
        LocalDate start = from == null ? null : Fields.pastDate("from", from, today);
        LocalDate end = to == null ? null : Fields.date("to", to);
        if (start != null && end != null && start.isAfter(end)) {
            throw InvalidInputException.forField("from", start + " is after --to " + end
                    + " (give the earlier date as --from)");
        }
        return new ChartPeriod(start, end);
    }

    boolean wholeRecord() {
        return from == null && to == null;
    }

    boolean contains(LocalDate day) {
        return (from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to));
    }

    /** "2026-01-01 to 2026-06-30", "from 2026-01-01", "up to 2026-06-30"; null for the whole record. */
    String text() {
        if (wholeRecord()) {
            return null;
        }
        if (from == null) {
            return "up to " + to;
        }
        return to == null ? "from " + from : from + " to " + to;
    }
}
