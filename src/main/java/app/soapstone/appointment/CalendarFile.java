package app.soapstone.appointment;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * A client's appointments as an iCalendar file (RFC 5545) that any calendar imports: one event per
 * appointment, its times in UTC so that no time zone block is needed and no calendar can read the
 * hour wrong across a daylight-saving change. Written here rather than by a library because it is
 * a few lines of text; the tests read it back with an independent one.
 */
final class CalendarFile {

    private static final String CRLF = "\r\n";
    /** RFC 5545 3.1: a content line is folded at 75 octets, continued after a space. */
    private static final int LINE_OCTETS = 75;
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    /**
     * What goes in the file: the events, and what every event says about the clinic.
     *
     * @param uidDomain what makes the events' UIDs the clinic's own: stable for the life of its records
     * @param clinicName the clinic's name, or null
     * @param address the clinic's address, the events' location, or null
     * @param phone the clinic's phone, to call to change a visit, or null
     */
    record Contents(String uidDomain, String clinicName, String address, String phone, String clientName,
            List<BookEntry> visits, Instant stamp) {
    }

    private CalendarFile() {
    }

    /** The calendar as text, CRLF line ends, long lines folded. */
    static String write(Contents contents) {
        StringBuilder out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//Soapstone//Appointment book//EN");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "METHOD:PUBLISH");
        for (BookEntry visit : contents.visits()) {
            line(out, "BEGIN:VEVENT");
            line(out, "UID:appointment-" + visit.id() + "@" + contents.uidDomain());
            line(out, "DTSTAMP:" + UTC.format(contents.stamp()));
            line(out, "DTSTART:" + UTC.format(visit.startsAt()));
            line(out, "DTEND:" + UTC.format(visit.endsAt()));
            line(out, "SUMMARY:" + text(summary(visit)));
            if (present(contents.address())) {
                line(out, "LOCATION:" + text(contents.address()));
            }
            line(out, "DESCRIPTION:" + text(description(contents, visit)));
            line(out, "STATUS:CONFIRMED");
            line(out, "END:VEVENT");
        }
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    /** What the client sees in their calendar: the service booked, else a massage, and with whom. */
    private static String summary(BookEntry visit) {
        return (visit.service() == null ? "Massage" : visit.service()) + " with " + visit.practitioner();
    }

    private static String description(Contents contents, BookEntry visit) {
        String at = present(contents.clinicName()) ? " at " + contents.clinicName() : "";
        String call = present(contents.phone()) ? "\nTo change or cancel, call " + contents.phone() + "." : "";
        return contents.clientName() + ", appointment " + visit.id() + at + "." + call;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    /**
     * A TEXT value (RFC 5545 3.3.11): backslash, semicolon and comma escaped, each line break as
     * {@code \n}; other control characters, which TEXT cannot hold, left out.
     */
    static String text(String value) {
        StringBuilder out = new StringBuilder();
        String lines = value.replace("\r\n", "\n").replace('\r', '\n');
        for (int i = 0; i < lines.length(); i++) {
            char c = lines.charAt(i);
            switch (c) {
                case '\\', ';', ',' -> out.append('\\').append(c);
                case '\n' -> out.append("\\n");
                default -> {
                    if (c >= ' ' && c != 0x7f) {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /**
     * Appends {@code content} folded: no physical line longer than 75 octets in UTF-8, each
     * continuation starting with a space, and never inside a character (a letter of several octets,
     * or a pair of surrogates), which a reader would otherwise mangle.
     */
    static void line(StringBuilder out, String content) {
        int octets = 0;
        int i = 0;
        while (i < content.length()) {
            int codePoint = content.codePointAt(i);
            int width = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
            if (octets + width > LINE_OCTETS) {
                out.append(CRLF).append(' ');
                octets = 1;
            }
            out.appendCodePoint(codePoint);
            octets += width;
            i += Character.charCount(codePoint);
        }
        out.append(CRLF);
    }
}
