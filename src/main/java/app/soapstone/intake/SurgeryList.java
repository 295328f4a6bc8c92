package app.soapstone.intake;

import app.soapstone.intake.Intake.IntakeSurgery;
import app.soapstone.validation.Fields;
import app.soapstone.validation.InvalidInputException;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a surgery list typed as "right total knee replacement 2019; lumbar fusion 2015-03":
 * items separated by semicolons, each with an optional year (or year-month, or date) and side.
 */
final class SurgeryList {

    static final int MAX_ITEMS = 40;
    private static final Pattern WHEN = Pattern.compile("(?<![\\d-])(\\d{4})(-\\d{2})?(-\\d{2})?(?![\\d-])");
    private static final Pattern SIDE = Pattern.compile("\\b(left|right|bilateral|both)\\b", Pattern.CASE_INSENSITIVE);

    private SurgeryList() {
    }

    /** The surgeries of a client born on {@code dateOfBirth} (null if not known), as of {@code today}. */
    static List<IntakeSurgery> parse(String option, String text, LocalDate today, LocalDate dateOfBirth) {
        List<IntakeSurgery> surgeries = new ArrayList<>();
        // Checked whole first, as text of several lines (an item a line), so a refusal counts its characters from the start.
        for (String item : Fields.text(option, text, Integer.MAX_VALUE).split("[;\\n]")) {
            String description = item.strip();
            if (!description.isEmpty()) {
                Fields.text(option, description, Fields.NAME_MAX * 2);
                surgeries.add(read(option, description, today, dateOfBirth));
            }
        }
        if (surgeries.size() > MAX_ITEMS) {
            throw InvalidInputException.forField(option, "has " + surgeries.size() + " items (at most " + MAX_ITEMS + ")");
        }
        return surgeries;
    }

    static IntakeSurgery read(String option, String description, LocalDate today, LocalDate dateOfBirth) {
        Matcher when = WHEN.matcher(description);
        String performed = null;
        if (when.find()) {
            performed = when.group();
            LocalDate latest = latestDate(performed, option);
            LocalDate earliest = earliestDate(performed);
            if (earliest.isAfter(today)) {
                throw InvalidInputException.forField(option, performed + " is in the future (in '" + description + "')");
            }
            // Only a year or a month may be known: the surgery is refused if all of it is before the birth.
            String beforeBirth = Fields.beforeBirth(latest, today, dateOfBirth);
            if (beforeBirth != null) {
                throw InvalidInputException.forField(option, performed + " " + beforeBirth + " (in '" + description + "')");
            }
        }
        Matcher side = SIDE.matcher(description);
        String sideId = null;
        if (side.find()) {
            String word = side.group(1).toLowerCase(Locale.ROOT);
            sideId = word.equals("bilateral") ? "both" : word;
        }
        return new IntakeSurgery(description, performed, sideId);
    }

    /** The last day the surgery may have been on: the end of its year or month when only that is known. */
    static LocalDate latestDate(String performed, String option) {
        try {
            return switch (performed.length()) {
                case 4 -> LocalDate.of(Integer.parseInt(performed), 12, 31);
                case 7 -> YearMonth.parse(performed).atEndOfMonth();
                default -> Fields.date(option, performed);
            };
        } catch (DateTimeParseException e) {
            throw InvalidInputException.forField(option, performed + " is not a valid year, YYYY-MM or YYYY-MM-DD");
        }
    }

    private static LocalDate earliestDate(String performed) {
        return switch (performed.length()) {
            case 4 -> LocalDate.of(Integer.parseInt(performed), 1, 1);
            case 7 -> YearMonth.parse(performed).atDay(1);
            default -> LocalDate.parse(performed);
        };
    }
}
