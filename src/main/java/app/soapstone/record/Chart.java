package app.soapstone.record;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;

/**
 * A client's chart as it is printed, every text in it taken from the records and worded: made by
 * {@link ChartExport}, laid out by {@link ChartPdf}.
 *
 * @param scope what the chart holds and for which dates, said under the title
 * @param period the dates it covers ("2026-01-01 to 2026-06-30"), or null for the whole record
 * @param visitCounts the visits in the appointment book counted ("12 attended, 1 cancelled, 2 missed"), and
 *                    the time zone of their times
 * @param billing the receipts summed up ("2 receipts, 1 of them void: CAD 135.60 charged, CAD 100.00 paid,
 *                CAD 35.60 owing"), or that there are none
 * @param seal the record seal when it was printed ("Record seal: 206,018 entries, 3f9a2c71d0e4b8a5"),
 *             at the foot of every page
 */
record Chart(Identity client, Letterhead letterhead, String printedAt, String scope, String period,
        List<Row> details, List<SessionLine> sessions, List<VisitLine> visits, String visitCounts,
        List<ReceiptLine> receipts, List<PaymentLine> payments, String billing, List<Entry> intakes, List<Entry> notes,
        List<Entry> carePlans, String end, String seal) {

    /** Who the chart is about, as every page names them. {@code born} is null when not recorded. */
    record Identity(String name, String born, long id) {
    }

    /** The clinic at the top of the first page. */
    record Letterhead(String name, String address, List<String> contacts) {
    }

    /** A line of the table of sessions. */
    record SessionLine(long id, String date, String practitioner, String minutes, String status, String addenda) {
    }

    /**
     * A line of the table of visits: an appointment, when, with whom, for which service (empty for
     * none), and how it went ("cancelled: unwell").
     */
    record VisitLine(long id, String when, String practitioner, String service, String status) {
    }

    /**
     * A line of the table of receipts: its number, the visit's date, the service, what it charged,
     * what was paid and what is owed, or for a void "VOID: " and why.
     */
    record ReceiptLine(long number, String visit, String service, String total, String paid, String owing) {
    }

    /**
     * A line of a receipt's ledger: when, what (a payment, a refund, money moved from or to another
     * receipt), how, how much, and who paid or why (empty for neither).
     */
    record PaymentLine(long receipt, String when, String what, String method, String amount, String payerOrNote) {
    }

    /**
     * An intake version, a session note or a care plan given: a heading and its rows, kept together
     * on a page unless it is long, and then headed "(continued)" where it goes on. {@code name}
     * says what it is in a refusal ("session 12").
     */
    record Entry(String name, String heading, List<Row> rows) {
    }

    enum Kind {
        /** A label and its value beside it. */
        FIELD,
        /** Across the full width, such as a signature; a first paragraph heading a list is kept with it. */
        LINE,
        /** Across the full width in a frame, so it is not missed: a draft's mark. */
        WARNING,
        /** Set off under what it is added to: an addendum, its first paragraph saying when and by whom. */
        NOTE,
        /** Heads the rows after it, and is never the last row on a page. */
        SUBHEADING
    }

    /** One row of an entry: a label (for a field) and its paragraphs. */
    record Row(Kind kind, String label, List<Paragraph> paragraphs) {

        static Row field(String label, List<Paragraph> value) {
            return new Row(Kind.FIELD, label, value);
        }

        /** A field of plain text, a paragraph a line of it; a list (several lines) {@code asItems} as bullets. */
        static Row field(String label, String value, boolean asItems) {
            List<String> lines = value.strip().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
            boolean items = asItems && lines.size() > 1;
            return field(label, lines.stream().map(l -> new Paragraph("", l, items)).toList());
        }

        static Row line(String bold, String plain) {
            return new Row(Kind.LINE, null, List.of(new Paragraph(bold, plain, false)));
        }

        /** A line heading a list of items, kept with the first of them. */
        static Row list(String heading, List<String> items) {
            List<Paragraph> paragraphs = new ArrayList<>();
            paragraphs.add(new Paragraph(heading, "", false));
            items.forEach(item -> paragraphs.add(new Paragraph("", item, true)));
            return new Row(Kind.LINE, null, paragraphs);
        }

        static Row warning(String bold, String plain) {
            return new Row(Kind.WARNING, null, List.of(new Paragraph(bold, plain, false)));
        }

        /** A note headed {@code header}; {@code what} names it in a refusal ("addendum 2"), and is not printed. */
        static Row note(String what, String header, String text) {
            List<Paragraph> paragraphs = new ArrayList<>();
            paragraphs.add(new Paragraph(header, "", false));
            text.strip().lines().map(String::strip).filter(l -> !l.isEmpty())
                    .forEach(l -> paragraphs.add(new Paragraph("", l, false)));
            return new Row(Kind.NOTE, what, paragraphs);
        }

        static Row subheading(String text) {
            return new Row(Kind.SUBHEADING, null, List.of(new Paragraph(text, "", false)));
        }
    }

    /** A paragraph: bold words, then plain ones; {@code item}: a bullet of a list. */
    record Paragraph(String bold, String plain, boolean item) {
    }

    /**
     * Every text of the chart with what it is ("session 12 Subjective"), for a check that each can be
     * printed before anything is drawn.
     */
    void texts(BiConsumer<String, String> text) {
        text.accept("the client's name", client.name());
        if (letterhead != null) {
            text.accept("the clinic's name", letterhead.name());
            text.accept("the clinic's address", letterhead.address());
            letterhead.contacts().forEach(contact -> text.accept("the clinic's contact details", contact));
        }
        for (Row row : details) {
            row.paragraphs().forEach(p -> text.accept("the client's " + row.label().toLowerCase(Locale.ROOT),
                    p.bold() + p.plain()));
        }
        sessions.forEach(line -> text.accept("session " + line.id() + " practitioner", line.practitioner()));
        visits.forEach(line -> {
            text.accept("appointment " + line.id() + " practitioner", line.practitioner());
            text.accept("appointment " + line.id() + " service", line.service());
            text.accept("appointment " + line.id() + " status", line.status());
        });
        receipts.forEach(line -> {
            text.accept("receipt " + line.number() + " service", line.service());
            text.accept("receipt " + line.number() + " void", line.owing());
        });
        payments.forEach(line -> text.accept("a payment on receipt " + line.receipt(), line.payerOrNote()));
        for (List<Entry> entries : List.of(intakes, notes, carePlans)) {
            entries.forEach(entry -> rows(entry.name(), entry.rows(), text));
        }
    }

    private static void rows(String name, List<Row> rows, BiConsumer<String, String> text) {
        for (Row row : rows) {
            String what = row.label() == null ? name : name + " " + row.label();
            for (Paragraph paragraph : row.paragraphs()) {
                text.accept(what, paragraph.bold() + paragraph.plain());
            }
        }
    }
}
