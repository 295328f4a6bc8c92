package app.soapstone.clinic;

import app.soapstone.validation.InvalidInputException;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A practitioner's working week: for each day worked, its ranges of local time in the clinic's
 * zone, in order and apart (a lunch break makes two). Written and read as a therapist says it:
 * {@code "mon-thu 09:00-17:00, fri 09:00-12:00 13:00-17:00"}.
 */
public record WeeklyHours(Map<DayOfWeek, List<Range>> days) {

    /** No hours set. */
    public static final WeeklyHours NONE = new WeeklyHours(Map.of());

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern RANGE = Pattern.compile("(\\d{1,2}:\\d{2})-(\\d{1,2}:\\d{2})");
    private static final String EXAMPLE = "\"mon-thu 09:00-17:00, fri 09:00-12:00 13:00-17:00\"";

    /** The hours a practitioner works at a stretch on one day, e.g. 09:00-12:00. */
    public record Range(LocalTime start, LocalTime end) {

        /** Whether {@code from} to {@code to} lies within this range. */
        public boolean holds(LocalTime from, LocalTime to) {
            return !from.isBefore(start) && !to.isAfter(end);
        }

        @Override
        public String toString() {
            return HH_MM.format(start) + "-" + HH_MM.format(end);
        }
    }

    public WeeklyHours {
        Map<DayOfWeek, List<Range>> copy = new EnumMap<>(DayOfWeek.class);
        days.forEach((day, ranges) -> {
            if (!ranges.isEmpty()) {
                copy.put(day, ranges.stream().sorted(Comparator.comparing(Range::start)).toList());
            }
        });
        days = Collections.unmodifiableMap(copy);
    }

    public boolean isEmpty() {
        return days.isEmpty();
    }

    /** The ranges worked on {@code day}; empty on a day off. */
    public List<Range> on(DayOfWeek day) {
        return days.getOrDefault(day, List.of());
    }

    /** Whether an appointment from {@code start} to {@code end} (local times) lies within one range of its day. */
    public boolean covers(LocalDateTime start, LocalDateTime end) {
        return start.toLocalDate().equals(end.toLocalDate())
                && on(start.getDayOfWeek()).stream().anyMatch(range -> range.holds(start.toLocalTime(), end.toLocalTime()));
    }

    /** One day's ranges as shown: "09:00-12:00, 13:00-17:00", or "off". */
    public String shown(DayOfWeek day) {
        List<Range> ranges = on(day);
        return ranges.isEmpty() ? "off" : ranges.stream().map(Range::toString).collect(Collectors.joining(", "));
    }

    /** The week as it is typed, days with the same hours run together: "mon-thu 09:00-17:00, fri 09:00-12:00 13:00-17:00". */
    public String written() {
        List<String> groups = new ArrayList<>();
        DayOfWeek[] week = DayOfWeek.values();
        for (int first = 0; first < week.length; first++) {
            List<Range> ranges = on(week[first]);
            if (ranges.isEmpty()) {
                continue;
            }
            int last = first;
            while (last + 1 < week.length && on(week[last + 1]).equals(ranges)) {
                last++;
            }
            groups.add(word(week[first]) + (last > first ? "-" + word(week[last]) : "") + " "
                    + ranges.stream().map(Range::toString).collect(Collectors.joining(" ")));
            first = last;
        }
        return String.join(", ", groups);
    }

    /** "Mondays", as a note about a day says it. */
    public static String plural(DayOfWeek day) {
        return day.getDisplayName(TextStyle.FULL, Locale.ENGLISH) + "s";
    }

    /**
     * The week typed for {@code option}: groups apart by commas, each the days (mon, or a span
     * mon-fri) then one or more ranges HH:MM-HH:MM. Refused in one line naming the option: a word
     * that is no day, a time that is no time, a range that ends before it starts, ranges that overlap.
     */
    public static WeeklyHours parse(String option, String text) {
        if (text == null || text.isBlank()) {
            throw InvalidInputException.forField(option, "give the week's hours, e.g. " + EXAMPLE
                    + " (or --clear to remove them)");
        }
        Map<DayOfWeek, List<Range>> days = new EnumMap<>(DayOfWeek.class);
        for (String group : text.split(",")) {
            List<String> words = List.of(group.strip().split("\\s+"));
            if (words.getFirst().isEmpty()) {
                throw InvalidInputException.forField(option, "an empty part between commas: write days and hours"
                        + " in each, e.g. " + EXAMPLE);
            }
            List<DayOfWeek> groupDays = new ArrayList<>();
            int index = 0;
            while (index < words.size() && !Character.isDigit(words.get(index).charAt(0))) {
                groupDays.addAll(days(option, words.get(index)));
                index++;
            }
            if (groupDays.isEmpty()) {
                throw InvalidInputException.forField(option, "'" + group.strip() + "' needs its days first, e.g."
                        + " \"mon-fri " + words.getFirst() + "\"");
            }
            if (index == words.size()) {
                throw InvalidInputException.forField(option, "'" + group.strip() + "' has no hours: write them after"
                        + " the days, e.g. \"" + group.strip() + " 09:00-17:00\"");
            }
            List<Range> ranges = new ArrayList<>();
            for (String word : words.subList(index, words.size())) {
                ranges.add(range(option, word));
            }
            for (DayOfWeek day : groupDays) {
                days.computeIfAbsent(day, d -> new ArrayList<>()).addAll(ranges);
            }
        }
        days.forEach((day, ranges) -> {
            ranges.sort(Comparator.comparing(Range::start));
            for (int i = 1; i < ranges.size(); i++) {
                if (ranges.get(i).start().isBefore(ranges.get(i - 1).end())) {
                    throw InvalidInputException.forField(option, ranges.get(i - 1) + " and " + ranges.get(i)
                            + " overlap on " + plural(day) + ": a break goes between two ranges, e.g."
                            + " 09:00-12:00 13:00-17:00");
                }
            }
        });
        return new WeeklyHours(days);
    }

    private static List<DayOfWeek> days(String option, String word) {
        String[] span = word.split("-", -1);
        if (span.length > 2) {
            throw notADay(option, word);
        }
        DayOfWeek first = day(option, span[0], word);
        DayOfWeek last = span.length == 2 ? day(option, span[1], word) : first;
        if (last.compareTo(first) < 0) {
            throw InvalidInputException.forField(option, "'" + word + "' runs backwards: days go Monday to Sunday,"
                    + " e.g. mon-fri, or list them apart: \"" + span[0] + " 09:00-17:00, " + span[1] + " 09:00-17:00\"");
        }
        List<DayOfWeek> days = new ArrayList<>();
        for (DayOfWeek day = first; ; day = day.plus(1)) {
            days.add(day);
            if (day == last) {
                return days;
            }
        }
    }

    /** A day by its name or the start of it, three letters at least ("mon", "Monday"). */
    private static DayOfWeek day(String option, String name, String word) {
        String typed = name.toLowerCase(Locale.ROOT);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (typed.length() >= 3 && day.name().toLowerCase(Locale.ROOT).startsWith(typed)) {
                return day;
            }
        }
        throw notADay(option, word);
    }

    private static InvalidInputException notADay(String option, String word) {
        return InvalidInputException.forField(option, "'" + word + "' is not a day: use mon, tue, wed, thu, fri, sat"
                + " or sun, or a span such as mon-fri, then the hours, e.g. " + EXAMPLE);
    }

    private static Range range(String option, String word) {
        Matcher matcher = RANGE.matcher(word);
        if (!matcher.matches()) {
            throw InvalidInputException.forField(option, "'" + word + "' is not a range of times: use HH:MM-HH:MM,"
                    + " e.g. 09:00-17:00 (and a comma before the next days: " + EXAMPLE + ")");
        }
        LocalTime start = time(option, matcher.group(1));
        LocalTime end = time(option, matcher.group(2));
        if (!end.isAfter(start)) {
            throw InvalidInputException.forField(option, "'" + word + "' ends before it starts: write the start first,"
                    + " on one day, e.g. 09:00-17:00");
        }
        return new Range(start, end);
    }

    private static LocalTime time(String option, String text) {
        String padded = text.length() == "9:00".length() ? "0" + text : text;
        try {
            return LocalTime.parse(padded, HH_MM);
        } catch (DateTimeException e) {
            throw InvalidInputException.forField(option, "'" + text + "' is not a time of day: use HH:MM, 00:00 to"
                    + " 23:59");
        }
    }

    private static String word(DayOfWeek day) {
        return day.name().substring(0, 3).toLowerCase(Locale.ROOT);
    }
}
