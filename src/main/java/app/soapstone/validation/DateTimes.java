package app.soapstone.validation;

import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;

/** How Soapstone writes and reads a date with a time, to the minute: "2026-11-29 17:28". */
public final class DateTimes {

    /** "2026-11-29 17:28", in every view, printout and option that takes one; strict when reading. */
    public static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm")
            .withResolverStyle(ResolverStyle.STRICT);

    private DateTimes() {
    }
}
