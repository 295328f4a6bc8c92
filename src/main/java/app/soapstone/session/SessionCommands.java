package app.soapstone.session;

import app.soapstone.screening.Flag;
import app.soapstone.session.Session.SoapNote;
import app.soapstone.session.SessionService.Preflight;
import app.soapstone.shell.Editor;
import app.soapstone.shell.InteractiveInput;
import app.soapstone.shell.Screen;
import app.soapstone.validation.ConflictException;
import app.soapstone.validation.InvalidInputException;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Arguments;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** {@code session new|list|show|edit|sign|amend|search} and {@code client progress}. */
@Component
class SessionCommands {

    private static final String GROUP = "Sessions and SOAP notes";

    private final SessionService sessions;
    private final SessionOptions options;
    private final SessionView view;
    private final Editor editor;
    private final Screen screen;

    SessionCommands(SessionService sessions, SessionOptions options, SessionView view, Editor editor, Screen screen) {
        this.sessions = sessions;
        this.options = options;
        this.view = view;
        this.editor = editor;
        this.screen = screen;
    }

    @Command(name = "session new", group = GROUP, description = "Record a treatment session with its SOAP note; prints the session id",
            help = """
                    Shows the client's screening first. An uncleared urgent referral refuses the session unless
                    --override "reason" is given. With --edit, or in the interactive shell when no SOAP text is
                    given, opens $VISUAL/$EDITOR on a SOAP form prefilled from --template and the last Plan;
                    saving an empty form cancels. Measures given (--pain-before, --sleep-disturbance, ...) fill the
                    template's blanks for them.""")
    String newSession(CommandContext context,
            @Option(longName = "client", required = true, description = "Client id") long client,
            @Option(longName = "date", description = "Session date, YYYY-MM-DD, today or yesterday (default today)") String date,
            @Option(longName = "time", description = "Start time, HH:MM (default now)") String time,
            @Option(longName = "duration", description = "Minutes, 1-600") Integer duration,
            @Option(longName = "practitioner", description = "Practitioner id (default: the login's own practitioner, else the default one)") Long practitioner,
            @Option(longName = "modalities", description = "Techniques: effleurage,petrissage,trigger-point,... (see vocabulary list modalities)") String modalities,
            @Option(longName = "areas", description = "Areas treated: calf-left,calf-right,... (see vocabulary list sites)") String areas,
            @Option(longName = "pressure", description = "light, moderate, firm or deep") String pressure,
            @Option(longName = "products", description = "Oils or lotions used") String products,
            @Option(longName = "home-massage-minutes",
                    description = "Self-massage minutes a day you suggest for home, 1-60; printed on the care plan")
            Integer homeMassageMinutes,
            @Option(longName = "pain-before", description = "Pain before treatment, 0-10") Integer painBefore,
            @Option(longName = "pain-after", description = "Pain after treatment, 0-10") Integer painAfter,
            @Option(longName = "cramps-per-week", description = "Cramps per week since the last visit") Double crampsPerWeek,
            @Option(longName = "cramp-severity", description = "Worst cramp since the last visit, 0-10") Integer crampSeverity,
            @Option(longName = "sleep-disturbance", description = "Sleep disturbance since the last visit, 0-10") Integer sleep,
            @Option(longName = "subjective", description = "S: what the client reports") String subjective,
            @Option(longName = "objective", description = "O: what you found") String objective,
            @Option(longName = "assessment", description = "A: your assessment and the response to treatment") String assessment,
            @Option(longName = "plan", description = "P: plan and home care") String plan,
            @Option(longName = "template", description = "SOAP template, e.g. nocturnal-calf-cramps") String template,
            @Option(longName = "diagnosis", description = "ICD-10-CM codes the visit treated, e.g. R25.2,M62.831 (see billing codes)") String diagnosis,
            @Option(longName = "procedures", description = "Minutes under each procedure code, e.g. 97124:40,97140:20, for the superbill") String procedures,
            @Option(longName = "edit", description = "Write the SOAP note in your editor") boolean edit,
            @Option(longName = "override", description = "Reason for treating despite an urgent referral") String override) {
        SessionDraft draft = options.read().duration(duration).modalities(modalities).areas(areas).pressure(pressure)
                .products(products).homeMassageMinutes(homeMassageMinutes).pain(painBefore, painAfter)
                .outcomes(crampsPerWeek, crampSeverity, sleep).note(subjective, objective, assessment, plan)
                .template(template).diagnosis(diagnosis).procedures(procedures).date(date).time(time)
                .practitioner(practitioner).override(override).draft();
        Preflight preflight = sessions.preflight(client, draft);
        PrintWriter out = context.outputWriter();
        show(preflight, out);
        sessions.requireTreatable(preflight, draft);
        if (edit || (!draft.hasNoteText() && InteractiveInput.isInteractive(context))) {
            draft = draft.withNote(writeNote(preflight, draft));
        } else if (draft.template().valueGiven().isPresent()) {
            // Without the editor, the template's text fills the sections not given as options.
            draft = draft.withNote(templateNote(draft));
        }
        SessionService.Recorded recorded = sessions.record(preflight, draft);
        // The id stays the last line, alone, as scripts read it.
        recorded.followUps().forEach(out::println);
        return String.valueOf(recorded.session().id());
    }

    @Command(name = "session list", group = GROUP, description = "List a client's sessions, or the notes not yet signed")
    String list(@Option(longName = "client", description = "Client id") Long client,
            @Option(longName = "unsigned", description = "Only notes not yet signed (all clients unless --client)") boolean unsigned) {
        if (unsigned) {
            return view.unsigned(sessions.unsigned(client), sessions.now(), screen.width());
        }
        if (client == null) {
            throw new InvalidInputException("Give --client ID, or --unsigned for the notes not yet signed");
        }
        return view.clientSessions(sessions.list(client), screen.width());
    }

    @Command(name = "session show", group = GROUP, description = "Show a session's full note, signature and addenda")
    String show(@Argument(index = 0, description = "Session id") long session) {
        return view.note(sessions.details(session));
    }

    @Command(name = "session edit", group = GROUP, description = "Change a draft note (signed notes are final)",
            help = """
                    Options change those fields and keep the rest. With --edit, or in the interactive shell when no
                    option is given, opens $VISUAL/$EDITOR on the draft note, like git commit; saving it unchanged
                    or empty changes nothing. A measure (--pain-before, --sleep-disturbance, ...) also fills its
                    blank in a note written from a template.""")
    String edit(CommandContext context, @Argument(index = 0, description = "Session id") long session,
            @Option(longName = "date", description = "Session date, YYYY-MM-DD, today or yesterday") String date,
            @Option(longName = "time", description = "Start time, HH:MM") String time,
            @Option(longName = "duration", description = "Minutes, 1-600") Integer duration,
            @Option(longName = "modalities", description = "Techniques, replacing the list (see vocabulary list modalities)") String modalities,
            @Option(longName = "areas", description = "Areas treated, replacing the list (see vocabulary list sites)") String areas,
            @Option(longName = "pressure", description = "light, moderate, firm or deep") String pressure,
            @Option(longName = "products", description = "Oils or lotions used") String products,
            @Option(longName = "home-massage-minutes",
                    description = "Self-massage minutes a day you suggest for home, 1-60; printed on the care plan")
            Integer homeMassageMinutes,
            @Option(longName = "pain-before", description = "Pain before treatment, 0-10") Integer painBefore,
            @Option(longName = "pain-after", description = "Pain after treatment, 0-10") Integer painAfter,
            @Option(longName = "cramps-per-week", description = "Cramps per week since the last visit") Double crampsPerWeek,
            @Option(longName = "cramp-severity", description = "Worst cramp since the last visit, 0-10") Integer crampSeverity,
            @Option(longName = "sleep-disturbance", description = "Sleep disturbance since the last visit, 0-10") Integer sleep,
            @Option(longName = "subjective", description = "S: what the client reports") String subjective,
            @Option(longName = "objective", description = "O: what you found") String objective,
            @Option(longName = "assessment", description = "A: your assessment") String assessment,
            @Option(longName = "plan", description = "P: plan and home care") String plan,
            @Option(longName = "diagnosis", description = "ICD-10-CM codes the visit treated, e.g. R25.2,M62.831, replacing the list (see billing codes)") String diagnosis,
            @Option(longName = "procedures", description = "Minutes under each procedure code, e.g. 97124:40,97140:20, for the superbill") String procedures,
            @Option(longName = "edit", description = "Edit the SOAP note in your editor") boolean edit) {
        SessionDraft changes = options.read().duration(duration).modalities(modalities).areas(areas)
                .pressure(pressure).products(products).homeMassageMinutes(homeMassageMinutes)
                .pain(painBefore, painAfter).outcomes(crampsPerWeek, crampSeverity, sleep)
                .note(subjective, objective, assessment, plan).diagnosis(diagnosis).procedures(procedures).date(date)
                .time(time).draft();
        if (edit || (changes.isEmpty() && InteractiveInput.isInteractive(context))) {
            Session draft = sessions.requireDraft(session);
            SoapNote current = draft.note();
            SoapNote given = changes.noteGiven();
            SoapNote start = sessions.fillBlanks(draft.template(), new SoapNote(pick(given.subjective(),
                    current.subjective()), pick(given.objective(), current.objective()),
                    pick(given.assessment(), current.assessment()), pick(given.plan(), current.plan())),
                    changes.measuresGiven());
            SoapNote written = edited(SoapForm.write(List.of("Draft note of session " + session), start),
                    "nothing was changed");
            try {
                // The version opened: a change or signature by someone else while the editor was open refuses this one.
                sessions.edit(session, draft.version(), changes.withNote(written));
            } catch (ConflictException e) {
                Path kept = editor.keep(SoapForm.write(List.of("Your note for session " + session + ", not saved: "
                        + e.getMessage()), written), ".soap.txt");
                throw new ConflictException(e.getMessage() + ". What you wrote is kept in " + kept);
            }
            return "Updated draft session " + session;
        }
        return "Updated draft session " + sessions.edit(session, changes).id();
    }

    @Command(name = "session sign", group = GROUP, description = "Sign a note; from then on it is final",
            help = """
                    Refuses a note with blanks left from its template (__), listing each by section and line,
                    unless --allow-blanks is given.""")
    String sign(@Argument(index = 0, description = "Session id") long session,
            @Option(longName = "practitioner", description = "Who signs (default: the login's own practitioner, else the default one)") Long practitioner,
            @Option(longName = "allow-blanks", description = "Sign even with blanks (__) left unfilled") boolean allowBlanks) {
        Session signed = sessions.sign(session, practitioner, allowBlanks);
        int blanks = SessionService.blanksLeft(signed.note());
        return "Signed session " + signed.id() + " at " + SessionView.WHEN.format(signed.signedAt()
                .atZone(ZoneId.systemDefault())) + (blanks == 0 ? ""
                : ", with " + blanks + (blanks == 1 ? " blank" : " blanks") + " left unfilled");
    }

    @Command(name = "session amend", group = GROUP, description = "Add a dated addendum to a signed note",
            help = """
                    With --edit, or in the interactive shell when no --text is given, opens $VISUAL/$EDITOR to
                    write the addendum, with the signed note below as comments; saving it empty cancels.""")
    String amend(CommandContext context, @Argument(index = 0, description = "Session id") long session,
            @Option(longName = "text", description = "The correction or late entry") String text,
            @Option(longName = "practitioner", description = "Author (default: the login's own practitioner, else the default one)") Long practitioner,
            @Option(longName = "edit", description = "Write the addendum in your editor") boolean edit) {
        String addendum = text;
        if (edit || (text == null && InteractiveInput.isInteractive(context))) {
            addendum = writeAddendum(sessions.requireSigned(session), text);
        } else if (text == null) {
            throw InvalidInputException.forField("text", "give the correction or late entry, or --edit to write it"
                    + " in your editor");
        }
        // The number session show and chart export print beside it, not the row id, which counts every session's.
        return "Added addendum " + sessions.amend(session, addendum, practitioner).number() + " to session " + session;
    }

    @Command(name = "session search", group = GROUP, description = "Search all notes and addenda (best matches first)",
            help = "Ranks the " + SessionQueries.RECENT_MATCHES + " most recently written notes (and addenda) that match;"
                    + " --all ranks every match, which takes longer when a word is in most notes.")
    String search(@Option(longName = "all", description = "Rank every matching note, not only the most recent") boolean all,
            @Arguments List<String> words) {
        String text = String.join(" ", words);
        return view.hits(sessions.search(text, all), text, screen.width());
    }

    @Command(name = "client progress", group = "Clients",
            description = "A client's cramps, severity, sleep and pain over time, with trends")
    String progress(@Argument(index = 0, description = "Client id") long client) {
        return view.progress(sessions.progress(client), screen.width());
    }

    private void show(Preflight preflight, PrintWriter out) {
        List<String> lines = new ArrayList<>();
        if (preflight.screening().isEmpty()) {
            lines.add("Note: no intake on file for this client (intake new --client " + preflight.client().id() + ")");
        }
        for (Flag flag : preflight.flags()) {
            lines.add((flag.blocking() ? "!! " : "") + flag.levelLabel() + ": " + flag.title());
        }
        preflight.warnings().forEach(w -> lines.add("WARNING: " + w));
        if (!lines.isEmpty()) {
            out.println("Screening for " + preflight.client().displayName() + ":");
            lines.forEach(line -> out.println("  " + line));
            out.flush();
        }
    }

    private SoapNote writeNote(Preflight preflight, SessionDraft draft) {
        List<String> comments = new ArrayList<>();
        comments.add("SOAP note for " + preflight.client().displayName());
        preflight.flags().forEach(f -> comments.add(f.levelLabel() + ": " + f.title()));
        preflight.warnings().forEach(w -> comments.add("WARNING: " + w));
        SoapNote start = templateNote(draft);
        var previous = sessions.latestPlan(preflight.client().id());
        if (previous.isPresent() && draft.plan().valueGiven().isEmpty()) {
            comments.add("Plan prefilled from the previous session (" + previous.get().id() + ")");
            start = new SoapNote(start.subjective(), start.objective(), start.assessment(), previous.get().note().plan());
        }
        return edited(SoapForm.write(comments, start), "nothing was stored");
    }

    /**
     * The addendum as written in the editor: like {@code git commit}, the text goes at the top and
     * the signed note follows as comments, for reference; saved empty it cancels.
     */
    private String writeAddendum(Session signed, String text) {
        StringBuilder form = new StringBuilder(text == null ? "" : text.strip()).append("\n\n")
                .append("# Addendum to signed session ").append(signed.id())
                .append(": write the correction or late entry above.\n")
                .append("# Lines starting with # are ignored; save with no text to cancel.\n")
                .append("# The signed note, which stays as it is:\n");
        SoapForm.write(List.of(), signed.note()).lines().filter(line -> !line.startsWith("#") && !line.isEmpty())
                .forEach(line -> form.append("#   ").append(line).append('\n'));
        String written = editor.edit(form.toString(), ".addendum.txt").lines().filter(line -> !line.startsWith("#"))
                .collect(Collectors.joining("\n")).strip();
        if (written.isEmpty()) {
            throw new InvalidInputException("Cancelled: the addendum was saved empty, so nothing was stored");
        }
        return written;
    }

    /**
     * Opens the editor on {@code form}; like {@code git commit}, a note saved empty or unchanged
     * cancels.
     */
    private SoapNote edited(String form, String consequence) {
        SoapNote note = SoapForm.read(editor.edit(form, ".soap.txt"));
        if (note.isEmpty()) {
            throw new InvalidInputException("Cancelled: the SOAP note was saved empty, so " + consequence);
        }
        if (note.equals(SoapForm.read(form))) {
            throw new InvalidInputException("Cancelled: the SOAP note was saved unchanged, so " + consequence);
        }
        return note;
    }

    /**
     * The note from the options given, with the template's text in the sections left out and its
     * blanks filled from the measures given.
     */
    private SoapNote templateNote(SessionDraft draft) {
        var template = draft.template().valueGiven().map(sessions::template)
                .map(t -> t.draft(draft.measuresGiven())).orElse(null);
        SoapNote given = draft.noteGiven();
        return new SoapNote(
                pick(given.subjective(), template == null ? null : template.subjective()),
                pick(given.objective(), template == null ? null : template.objective()),
                pick(given.assessment(), template == null ? null : template.assessment()),
                pick(given.plan(), template == null ? null : template.plan()));
    }

    private static String pick(String given, String fallback) {
        return Stream.of(given, fallback).filter(s -> s != null && !s.isBlank()).findFirst().orElse(null);
    }
}
