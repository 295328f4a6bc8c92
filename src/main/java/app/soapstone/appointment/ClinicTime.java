package app.soapstone.appointment;

import app.soapstone.validation.DateTimes;
import app.soapstone.validation.InvalidInputException;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.time.zone.ZoneOffsetTransition;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A time as the clinic writes it, "2026-12-05 10:00" in its own zone, optionally followed by the
 * offset from UTC ("+11:00"), which is needed only for the hour that happens twice when the
 * clocks go back.
 *
 * <p>Daylight saving: a time in the hour skipped when the clocks go forward does not exist and is
 * refused, naming the gap; a time in the hour that happens twice is refused unless the offset says
 * which of the two is meant. Neither is guessed, since a guess books the client an hour off.
 *
 * @param offset the offset written after the time, or null
 */
public record ClinicTime(LocalDateTime local, ZoneOffset offset) {

    private static final Pattern FORM = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2} \\d{1,2}:\\d{2})\\s*([+-]\\d{2}:\\d{2})?");
    /** A day as the front desk says it, then the time: "today 14:30", "tomorrow 9:00", "mon 10:00", "9:30". */
    private static final Pattern SAID = Pattern.compile(
            "(?:([\\p{L}]+)\\s+)?(\\d{1,2}):(\\d{2})\\s*([+-]\\d{2}:\\d{2})?", Pattern.CASE_INSENSITIVE);
    private static final DateTimeFormatter HOUR_MINUTE = DateTimeFormatter.ofPattern("HH:mm");
    /** How the book says back a time it understood: "Tue 1 Dec 2026 14:30". */
    private static final DateTimeFormatter SPOKEN = DateTimeFormatter.ofPattern("EEE d MMM uuuu HH:mm", Locale.ENGLISH);
    /** The forms {@code --at} takes, for its error message and help. */
    public static final String FORMS = "\"YYYY-MM-DD HH:MM\", \"today 14:30\", \"tomorrow 9:00\", a weekday"
            + " (\"mon 10:00\", \"monday 10:00\": the next one after today) or a time alone (\"9:30\", today),"
            + " in the clinic's time zone";

    /** The forms a day of the book takes, for errors and help. */
    public static final String DAY_FORMS = "YYYY-MM-DD, today, tomorrow, yesterday or a weekday (mon, monday: the"
            + " next one after today)";

    /**
     * A day of the book as the front desk says it, read against the clinic's {@code today}: a date,
     * {@code today}, {@code tomorrow}, {@code yesterday}, or a weekday, the next one after today as
     * in {@code --at}; anything else is refused naming {@code option} and the forms.
     */
    public static LocalDate day(String option, String value, LocalDate today) {
        String word = value.strip().toLowerCase(Locale.ROOT);
        LocalDate said = word.equals("yesterday") ? today.minusDays(1) : day(word, today);
        if (said != null) {
            return said;
        }
        try {
            return LocalDate.parse(word, DateTimeFormatter.ISO_LOCAL_DATE);
        } catch (DateTimeParseException e) {
            throw InvalidInputException.forField(option, "'" + value.strip() + "' is not a day: use " + DAY_FORMS);
        }
    }

    /** {@code value} as typed for {@code option}, "YYYY-MM-DD HH:MM", or refused naming it and the form. */
    public static ClinicTime parse(String option, String value) {
        String text = value.strip();
        ClinicTime time = dated(text);
        if (time == null) {
            throw InvalidInputException.forField(option, "'" + text + "' is not a date and time: use"
                    + " \"YYYY-MM-DD HH:MM\" in the clinic's time zone, e.g. \"2026-12-05 10:00\"");
        }
        return time;
    }

    /** {@code text} as "YYYY-MM-DD H:MM[ +hh:mm]", or null. */
    private static ClinicTime dated(String text) {
        Matcher matcher = FORM.matcher(text);
        try {
            if (matcher.matches()) {
                String local = matcher.group(1);
                if (local.length() == "2026-12-05 9:00".length()) {
                    local = local.substring(0, 11) + "0" + local.substring(11);
                }
                ZoneOffset offset = matcher.group(2) == null ? null : ZoneOffset.of(matcher.group(2));
                return new ClinicTime(LocalDateTime.parse(local, DateTimes.MINUTE), offset);
            }
        } catch (DateTimeException e) {
            // Not a date and time.
        }
        return null;
    }

    /**
     * {@code value} as typed for {@code option}: a date and time, or a day said as the front desk
     * says it, read against {@code today} (the clinic's date). A weekday is the next such day after
     * today: "mon 10:00" said on a Monday is next week's, since today has its own word. Each form
     * may end with the offset, for the hour that happens twice.
     */
    public static ClinicTime parse(String option, String value, LocalDate today) {
        String text = value.strip();
        ClinicTime time = dated(text);
        if (time != null) {
            return time;
        }
        Matcher said = SAID.matcher(text);
        if (said.matches()) {
            LocalDate day = said.group(1) == null ? today : day(said.group(1).toLowerCase(Locale.ROOT), today);
            try {
                if (day != null) {
                    ZoneOffset offset = said.group(4) == null ? null : ZoneOffset.of(said.group(4));
                    return new ClinicTime(day.atTime(Integer.parseInt(said.group(2)), Integer.parseInt(said.group(3))),
                            offset);
                }
            } catch (DateTimeException e) {
                // Said below.
            }
        }
        throw InvalidInputException.forField(option, "'" + text + "' is not a time the book reads: use " + FORMS);
    }

    /** The day {@code word} names from {@code today}, or null: "today", "tomorrow", a weekday by three letters or more. */
    private static LocalDate day(String word, LocalDate today) {
        if (word.equals("today")) {
            return today;
        }
        if (word.equals("tomorrow")) {
            return today.plusDays(1);
        }
        for (DayOfWeek weekday : DayOfWeek.values()) {
            String name = weekday.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT);
            if (word.length() >= 3 && name.startsWith(word)) {
                return today.with(TemporalAdjusters.next(weekday));
            }
        }
        return null;
    }

    /**
     * {@code instant} as the book says back what it understood: "Tue 1 Dec 2026 14:30"; in the hour
     * that happens twice, with its offset.
     */
    public static String spoken(Instant instant, ZoneId zone) {
        LocalDateTime local = LocalDateTime.ofInstant(instant, zone);
        return SPOKEN.format(local) + (zone.getRules().getValidOffsets(local).size() > 1
                ? " " + zone.getRules().getOffset(instant).getId() : "");
    }

    /** The end of a slot as said after its start: the time alone on the same day ("15:30"), else in full. */
    public static String spokenEnd(Instant start, Instant end, ZoneId zone) {
        LocalDateTime local = LocalDateTime.ofInstant(end, zone);
        if (!local.toLocalDate().equals(LocalDate.ofInstant(start, zone))) {
            return spoken(end, zone);
        }
        return HOUR_MINUTE.format(local) + (zone.getRules().getValidOffsets(local).size() > 1
                ? " " + zone.getRules().getOffset(end).getId() : "");
    }

    /** The instant this is in {@code zone}, or refused (naming {@code option}) in a daylight-saving change. */
    public Instant in(ZoneId zone, String option) {
        ZoneOffsetTransition change = zone.getRules().getTransition(local);
        String written = DateTimes.MINUTE.format(local);
        if (change != null && change.isGap()) {
            throw InvalidInputException.forField(option, written + " does not exist in " + zone.getId()
                    + ": the clocks go forward from " + HOUR_MINUTE.format(change.getDateTimeBefore()) + " to "
                    + HOUR_MINUTE.format(change.getDateTimeAfter()) + " that night; book " + HOUR_MINUTE.format(
                    change.getDateTimeAfter()) + " or later");
        }
        if (offset != null) {
            if (!zone.getRules().isValidOffset(local, offset)) {
                throw InvalidInputException.forField(option, written + " is not at " + offset.getId() + " in "
                        + zone.getId() + ": it is at " + zone.getRules().getOffset(local).getId()
                        + " (leave the offset out)");
            }
            return local.toInstant(offset);
        }
        if (change != null) {
            throw InvalidInputException.forField(option, written + " happens twice in " + zone.getId()
                    + ": the clocks go back from " + HOUR_MINUTE.format(change.getDateTimeBefore()) + " to "
                    + HOUR_MINUTE.format(change.getDateTimeAfter()) + " that night; say which by its offset: \""
                    + written + " " + change.getOffsetBefore().getId() + "\" for the first, \"" + written + " "
                    + change.getOffsetAfter().getId() + "\" for the second");
        }
        return local.atZone(zone).toInstant();
    }

    /**
     * {@code instant} as the clinic reads it in {@code zone}, "2026-12-05 10:00"; in the hour that
     * happens twice, with its offset ("2027-04-04 02:30 +11:00"), as it is typed.
     */
    public static String show(Instant instant, ZoneId zone) {
        LocalDateTime local = LocalDateTime.ofInstant(instant, zone);
        String written = DateTimes.MINUTE.format(local);
        return zone.getRules().getValidOffsets(local).size() > 1
                ? written + " " + zone.getRules().getOffset(instant).getId() : written;
    }

    /** The end of a slot as shown beside its start: the time alone on the same day ("11:00"), else the date too. */
    public static String end(Instant start, Instant end, ZoneId zone) {
        String from = show(start, zone);
        String to = show(end, zone);
        return to.startsWith(from.substring(0, 11)) ? to.substring(11) : to;
    }

    /** Today at the clinic: its zone's date, which is not the computer's when the two zones differ. */
    public static LocalDate today(Clock clock, ZoneId zone) {
        return LocalDate.now(clock.withZone(zone));
    }
}
