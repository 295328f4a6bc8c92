package app.soapstone.session;

import app.soapstone.session.SessionQueries.Hit;
import app.soapstone.session.SessionQueries.SessionLine;
import app.soapstone.session.SessionService.NumberedAddendum;
import app.soapstone.session.SessionService.ProgressRow;
import app.soapstone.session.SessionService.SessionRecord;
import app.soapstone.shell.Tables;
import app.soapstone.validation.DateTimes;
import app.soapstone.validation.Fields;
import app.soapstone.vocabulary.BodySite;
import app.soapstone.vocabulary.Modality;
import app.soapstone.vocabulary.Vocabulary;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/** How sessions, notes, search hits and progress look in the terminal. */
@Component
public class SessionView {

    static final DateTimeFormatter WHEN = DateTimes.MINUTE;

    private final Vocabulary vocabulary;

    SessionView(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    public String note(SessionRecord record) {
        Session s = record.session();
        List<List<String>> fields = new ArrayList<>();
        fields.add(List.of("Session", s.id() + (s.signed() ? " (signed)" : " (DRAFT - not signed)")));
        fields.add(List.of("Client", record.client().displayName() + " (" + record.client().id() + ")"));
        fields.add(List.of("Date", WHEN.format(s.startedAt()) + (s.durationMinutes() == null ? "" : ", " + s.durationMinutes() + " min")));
        fields.add(List.of("Practitioner", record.practitioner().signature()));
        fields.addAll(treatment(s));
        if (s.diagnosisCodes() != null || s.procedureMinutes() != null) {
            // Only when given: most notes are not billed to an insurer.
            fields.add(List.of("Diagnosis codes", s.diagnosisCodes() == null ? "-" : String.join(", ", s.diagnoses())));
            fields.add(List.of("Procedures", s.procedureMinutes() == null ? "-" : s.procedures().toString()));
        }
        fields.add(List.of("Screening shown", text(s.screeningShown())));
        fields.add(List.of("Warnings shown", text(s.warningsShown())));
        fields.add(List.of("Override reason", text(s.overrideReason())));
        StringBuilder out = new StringBuilder(Tables.card(fields));
        section(out, "Subjective", s.note().subjective());
        section(out, "Objective", s.note().objective());
        section(out, "Assessment", s.note().assessment());
        section(out, "Plan", s.note().plan());
        out.append("\n\n");
        out.append(s.signed() ? "Signed by " + record.signer().signature() + " on " + local(s.signedAt())
                : "DRAFT - not signed. Sign with: session sign " + s.id());
        for (NumberedAddendum numbered : record.addenda()) {
            Addendum addendum = numbered.addendum();
            out.append("\n\nAddendum ").append(numbered.number()).append(", ").append(local(addendum.writtenAt()))
                    .append(", ").append(numbered.author().signature()).append(":\n  ")
                    .append(addendum.text().replace("\n", "\n  "));
        }
        return out.toString();
    }

    /** What was done and measured, as labelled values: areas, modalities, pressure, products, pain, outcomes. */
    public List<List<String>> treatment(Session s) {
        List<List<String>> fields = new ArrayList<>();
        fields.add(List.of("Areas", s.areaIds().stream().map(id -> vocabulary.site(id).map(BodySite::label).orElse(id))
                .collect(Collectors.joining(", "))));
        fields.add(List.of("Modalities", s.modalityIds().stream()
                .map(id -> vocabulary.modality(id).map(Modality::label).orElse(id)).collect(Collectors.joining(", "))));
        fields.add(List.of("Pressure", text(s.pressure())));
        fields.add(List.of("Products", text(s.products())));
        fields.add(List.of("Pain", pain(s.pain().before(), s.pain().after())));
        fields.add(List.of("Since last visit", outcomes(s)));
        if (s.homeMassageMinutes() != null) {
            // Added only when set: its label is the longest, and would widen every note's card.
            fields.add(List.of("Home self-massage", s.homeMassageMinutes() + " minutes a day"));
        }
        return fields;
    }

    String clientSessions(List<SessionLine> lines, int width) {
        if (lines.isEmpty()) {
            return "No sessions yet.";
        }
        return Tables.render(List.of("ID", "Date", "Min", "Modalities", "Pain", "Practitioner", "Status"),
                lines.stream().map(l -> List.of(String.valueOf(l.id()), WHEN.format(l.startedAt()), number(l.durationMinutes()),
                        text(l.modalities()), pain(l.painBefore(), l.painAfter()), text(l.practitioner()),
                        l.signedAt() == null ? "draft" : "signed")).toList(), width);
    }

    String unsigned(List<SessionLine> lines, Instant now, int width) {
        if (lines.isEmpty()) {
            return "No unsigned notes.";
        }
        return Tables.render(List.of("ID", "Client", "Date", "Practitioner", "Unsigned for"),
                lines.stream().map(l -> List.of(String.valueOf(l.id()), l.clientName() + " (" + l.clientId() + ")",
                        WHEN.format(l.startedAt()), text(l.practitioner()), age(l.createdAt(), now))).toList(), width);
    }

    String hits(SessionQueries.Hits found, String text, int width) {
        List<Hit> hits = found.hits();
        if (hits.isEmpty()) {
            return "No notes match '" + text + "'.";
        }
        String table = Tables.render(List.of("Session", "Client", "Date", "Found"),
                hits.stream().map(h -> List.of(h.sessionId() + (h.addendumId() == null ? "" : " (addendum)"),
                        h.clientName() + " (" + h.clientId() + ")", WHEN.format(h.startedAt()), h.snippet())).toList(), width);
        if (!found.recentOnly()) {
            return table;
        }
        return table + "\nMore than " + String.format("%,d", SessionQueries.RECENT_MATCHES) + " notes match '" + text
                + "': these are the best of the most recent. Add words to narrow the search, or use --all to rank every note.";
    }

    String progress(List<ProgressRow> rows, int width) {
        if (rows.isEmpty()) {
            return "No intake or sessions yet, so no progress to show.";
        }
        String table = Tables.render(List.of("Date", "Record", "Cramps/wk", "Severity", "Sleep", "Pain before -> after"),
                rows.stream().map(r -> List.of(r.when().toLocalDate().toString(), r.record(), decimal(r.crampsPerWeek()),
                        score(r.crampSeverity()), score(r.sleepDisturbance()), pain(r.painBefore(), r.painAfter())))
                        .toList(), width);
        StringBuilder out = new StringBuilder(table).append("\n");
        trend(out, "Cramps/wk", rows, ProgressRow::crampsPerWeek);
        trend(out, "Severity", rows, ProgressRow::crampSeverity);
        trend(out, "Sleep", rows, ProgressRow::sleepDisturbance);
        trend(out, "Pain before", rows, ProgressRow::painBefore);
        trend(out, "Pain after", rows, ProgressRow::painAfter);
        return out.toString().stripTrailing();
    }

    private static void trend(StringBuilder out, String label, List<ProgressRow> rows, Function<ProgressRow, ? extends Number> measure) {
        List<Number> series = rows.stream().map(measure).filter(Objects::nonNull).map(n -> (Number) n).toList();
        if (series.isEmpty()) {
            return;
        }
        out.append('\n').append(String.format("%-12s", label)).append(Sparkline.of(series)).append("  ")
                .append(decimal(series.get(0).doubleValue())).append(" -> ")
                .append(decimal(series.get(series.size() - 1).doubleValue()));
    }

    private static void section(StringBuilder out, String heading, String text) {
        out.append("\n\n").append(heading).append('\n').append(text == null ? "  (none)" : "  " + text.replace("\n", "\n  "));
    }

    private static String outcomes(Session s) {
        List<String> parts = new ArrayList<>();
        if (s.outcomes().crampsPerWeek() != null) {
            parts.add(decimal(s.outcomes().crampsPerWeek()) + " cramps a week");
        }
        if (s.outcomes().crampSeverity() != null) {
            parts.add("severity " + s.outcomes().crampSeverity() + "/10");
        }
        if (s.outcomes().sleepDisturbance() != null) {
            parts.add("sleep disturbance " + s.outcomes().sleepDisturbance() + "/10");
        }
        return String.join(", ", parts);
    }

    static String pain(Integer before, Integer after) {
        if (before == null && after == null) {
            return "";
        }
        return (before == null ? "?" : before) + " -> " + (after == null ? "?" : after);
    }

    private static String age(Instant created, Instant now) {
        long hours = Duration.between(created, now).toHours();
        return hours >= 48 ? hours / 24 + " days" : hours + " hours";
    }

    private static String local(Instant instant) {
        return WHEN.format(instant.atZone(ZoneId.systemDefault()));
    }

    private static String score(Integer value) {
        return value == null ? "" : value + "/10";
    }

    private static String decimal(Double value) {
        return value == null ? "" : Fields.number(Math.round(value * 100) / 100.0);
    }

    private static String number(Integer value) {
        return value == null ? "" : value.toString();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
