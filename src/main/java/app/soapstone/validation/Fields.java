package app.soapstone.validation;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks for single field values. {@code field} is the long name of the option the value came
 * from ({@code dob}); each failure names it ({@code --dob: ...}) and says what is allowed.
 */
public final class Fields {

    public static final int NAME_MAX = 100;
    public static final int TEXT_MAX = 2_000;
    public static final int LONG_TEXT_MAX = 20_000;
    /** The greatest age in years a client may have; the oldest person on record lived to 122. */
    public static final int MAX_AGE = 130;

    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final Pattern PHONE = Pattern.compile("[0-9+()\\-. ]+((ext|x)\\.? ?[0-9]+)?",
            Pattern.CASE_INSENSITIVE);

    private Fields() {
    }

    /** A date written as YYYY-MM-DD, checked against the calendar (no 30 February). */
    public static LocalDate date(String field, String value) {
        String text = value.strip();
        try {
            return LocalDate.parse(text, ISO_DATE);
        } catch (DateTimeParseException e) {
            throw InvalidInputException.forField(field, text + " is not a valid date (use YYYY-MM-DD)");
        }
    }

    /** A date as YYYY-MM-DD, or the words {@code today} and {@code yesterday}. */
    public static LocalDate date(String field, String value, LocalDate today) {
        String word = value.strip().toLowerCase(Locale.ROOT);
        if (word.equals("today")) {
            return today;
        }
        if (word.equals("yesterday")) {
            return today.minusDays(1);
        }
        return date(field, value);
    }

    /**
     * A date that is not after {@code today}: YYYY-MM-DD, or the words {@code today} and
     * {@code yesterday}, which is how a therapist says the dates most records carry.
     */
    public static LocalDate pastDate(String field, String value, LocalDate today) {
        LocalDate date = date(field, value, today);
        if (date.isAfter(today)) {
            throw InvalidInputException.forField(field, date + " is in the future (today is " + today + ")");
        }
        return date;
    }

    /** A date of birth: not in the future and not more than {@link #MAX_AGE} years ago. */
    public static LocalDate dateOfBirth(String field, String value, LocalDate today) {
        return inLifetime(field, pastDate(field, value, today), today, null);
    }

    /**
     * A date in a client's record - an intake, a consent, a session, a clearance: not after
     * {@code today} and not before the client was born ({@code dateOfBirth}; when it is not
     * known, not more than {@link #MAX_AGE} years ago).
     */
    public static LocalDate recordDate(String field, String value, LocalDate today, LocalDate dateOfBirth) {
        return inLifetime(field, pastDate(field, value, today), today, dateOfBirth);
    }

    /** {@code date}, if it is not before the client's birth (see {@link #recordDate}). */
    public static LocalDate inLifetime(String field, LocalDate date, LocalDate today, LocalDate dateOfBirth) {
        String problem = beforeBirth(date, today, dateOfBirth);
        if (problem != null) {
            throw InvalidInputException.forField(field, date + " " + problem
                    + (dateOfBirth == null ? " (use a date from " + earliestBirth(today) + " on)" : ""));
        }
        return date;
    }

    /**
     * Why nothing in the record of a client born on {@code dateOfBirth} (null: not known) can be
     * dated {@code date} - "is before the client's date of birth (1958-03-14)" - or null if it can.
     */
    public static String beforeBirth(LocalDate date, LocalDate today, LocalDate dateOfBirth) {
        if (dateOfBirth != null) {
            return date.isBefore(dateOfBirth) ? "is before the client's date of birth (" + dateOfBirth + ")" : null;
        }
        return date.isBefore(earliestBirth(today)) ? "is more than " + MAX_AGE + " years ago" : null;
    }

    /** The earliest date of birth taken on {@code today}: nobody alive is older than {@link #MAX_AGE}. */
    public static LocalDate earliestBirth(LocalDate today) {
        return today.minusYears(MAX_AGE);
    }

    /**
     * A person's name, kept exactly as typed: any script, apostrophes, hyphens, spaces, even quotes
     * or SQL. It must contain a letter and be one line of text ({@link #line}).
     */
    public static String name(String field, String value) {
        String name = requiredLine(field, value, NAME_MAX);
        if (name.codePoints().noneMatch(Character::isLetter)) {
            throw InvalidInputException.forField(field, quote(name) + " has no letters (a name needs at least one)");
        }
        return name;
    }

    /** Text of one line that must not be empty. */
    public static String requiredLine(String field, String value, int max) {
        return line(field, required(field, value), max);
    }

    /** Optional text of one line: empty means "none". */
    public static String optionalLine(String field, String value, int max) {
        return value == null || value.isBlank() ? null : line(field, value, max);
    }

    /**
     * Text of one line - a name, a title, an occupation - holding only what {@link PlainText}
     * lets a line hold: no control characters, line breaks, tabs or direction controls.
     */
    public static String line(String field, String value, int max) {
        return checked(field, value, max, false);
    }

    /** Text of several lines that must not be empty. */
    public static String requiredText(String field, String value, int max) {
        return text(field, required(field, value), max);
    }

    /** Optional text of several lines: empty means "none". */
    public static String optionalText(String field, String value, int max) {
        return value == null || value.isBlank() ? null : text(field, value, max);
    }

    /**
     * Text of several lines - notes, SOAP sections, addenda, an address - holding only what
     * {@link PlainText} lets such text hold: line breaks and tabs, but no other control character
     * and no direction control. A Windows line end (CR LF) is taken as a line break.
     */
    public static String text(String field, String value, int max) {
        return checked(field, value.replace("\r\n", "\n"), max, true);
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw InvalidInputException.forField(field, "must not be empty");
        }
        return value;
    }

    private static String checked(String field, String value, int max, boolean lines) {
        if (value.codePointCount(0, value.length()) > max) {
            throw InvalidInputException.forField(field, "is too long (at most " + max + " characters)");
        }
        int position = 1;
        for (int i = 0; i < value.length(); i += Character.charCount(value.codePointAt(i)), position++) {
            int c = value.codePointAt(i);
            if (!(lines ? PlainText.allowedInLines(c) : PlainText.allowedInLine(c))) {
                throw InvalidInputException.forField(field, "contains " + PlainText.describe(c) + " (character "
                        + position + "), " + refusal(c, lines));
            }
        }
        return value;
    }

    /** Why {@code c} may not be stored, and what to do instead. */
    private static String refusal(int c, boolean lines) {
        if (c == '\n' || c == 0x2028 || c == 0x2029) {
            return lines ? "a line separator other than a new line; start a new line instead"
                    : "a line break; this field is a single line";
        }
        if (c == '\t') {
            return "a tab; this field is a single line (use spaces)";
        }
        if (PlainText.bidiControl(c)) {
            return "an invisible direction control, which makes text show in another order than it is stored;"
                    + " type the value without it";
        }
        return "a control character; type the value without it";
    }

    public static String email(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String email = value.strip();
        if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            throw InvalidInputException.forField(field, quote(email) + " is not an email address (use name@example.com)");
        }
        return email;
    }

    public static String phone(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String phone = value.strip();
        long digits = phone.chars().filter(Character::isDigit).count();
        if (phone.length() > 40 || !PHONE.matcher(phone).matches() || digits < 3) {
            throw InvalidInputException.forField(field, quote(phone)
                    + " is not a phone number (use digits, spaces and + - ( ) ., e.g. +61 412 345 678)");
        }
        return phone;
    }

    /** An integer score in {@code [min, max]}. */
    public static int range(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw InvalidInputException.forField(field, value + " is out of range (use " + min + "-" + max + ")");
        }
        return value;
    }

    /** A whole number in {@code [min, max]} the shell has already read, e.g. an id. */
    public static long range(String field, long value, long min, long max) {
        if (value < min || value > max) {
            throw InvalidInputException.forField(field, value + " is out of range (use " + min + "-" + max + ")");
        }
        return value;
    }

    /** A number in {@code [min, max]}, e.g. cramps per week. */
    public static double decimal(String field, String value, double min, double max) {
        double number;
        try {
            number = Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw InvalidInputException.forField(field, quote(value) + " is not a number");
        }
        return inRange(field, number, value.strip(), min, max);
    }

    /** A number already read (by the shell, from a typed option) that must be in {@code [min, max]}. */
    public static double decimal(String field, double value, double min, double max) {
        return inRange(field, value, number(value), min, max);
    }

    private static double inRange(String field, double number, String shown, double min, double max) {
        if (Double.isNaN(number) || number < min || number > max) {
            throw InvalidInputException.forField(field, shown + " is out of range (use " + number(min) + "-"
                    + number(max) + ")");
        }
        return number;
    }

    /** A whole number in {@code [min, max]}, e.g. a 0-10 score. */
    public static int wholeNumber(String field, String value, long min, long max) {
        long number;
        try {
            number = Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw InvalidInputException.forField(field, quote(value) + " is not a whole number"
                    + (max <= 10 ? " (use " + min + "-" + max + ")" : ""));
        }
        return (int) range(field, number, min, max);
    }

    /** "3" for 3.0, "2.5" for 2.5. */
    public static String number(double value) {
        return value == Math.rint(value) && !Double.isInfinite(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    /** {@code value} in quotes for a message, anything that may not be stored in it shown visibly. */
    public static String quote(String value) {
        return "'" + PlainText.visible(value) + "'";
    }
}
