package app.soapstone.record;

import app.soapstone.audit.AuditTrail;
import app.soapstone.careplan.CarePlanExport;
import app.soapstone.careplan.CarePlanService;
import app.soapstone.pdf.PdfFonts;
import app.soapstone.client.Client;
import app.soapstone.client.ClientService;
import app.soapstone.client.ClientView;
import app.soapstone.clinic.ClinicService;
import app.soapstone.intake.Intake;
import app.soapstone.intake.IntakeService;
import app.soapstone.intake.IntakeView;
import app.soapstone.session.SessionService;
import app.soapstone.session.SessionView;
import app.soapstone.storage.PrivateFiles;
import org.openpdf.text.Document;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.pdf.PdfWriter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The full chart of a client as a PDF, for a records request or a transfer: details, every
 * intake version, every session note with its signature and addenda, and the care plans given.
 */
@Service
public class ChartExport {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ClientService clients;
    private final ClinicService clinic;
    private final IntakeService intakes;
    private final IntakeView intakeView;
    private final SessionService sessions;
    private final SessionView sessionView;
    private final CarePlanService carePlans;
    private final PdfFonts fonts;
    private final AuditTrail audit;
    private final Clock clock;

    ChartExport(ClientService clients, ClinicService clinic, IntakeService intakes, IntakeView intakeView,
            SessionService sessions, SessionView sessionView, CarePlanService carePlans, PdfFonts fonts, AuditTrail audit,
            Clock clock) {
        this.clients = clients;
        this.clinic = clinic;
        this.intakes = intakes;
        this.intakeView = intakeView;
        this.sessions = sessions;
        this.sessionView = sessionView;
        this.carePlans = carePlans;
        this.fonts = fonts;
        this.audit = audit;
        this.clock = clock;
    }

    /** A titled part of the chart and its text. */
    record Section(String title, String text) {
    }

    /** Writes the chart to {@code out}, whole or not at all, and records the export. */
    @Transactional
    public Path export(long clientId, String out, boolean force) {
        Client client = clients.get(clientId);
        Path target = Path.of(out.strip()).toAbsolutePath().normalize();
        PrivateFiles.checkTarget("out", target, force);
        byte[] pdf = render(client, sections(client));
        audit.record("export", "chart", clientId, clientId, "Exported the full chart to " + target.getFileName());
        PrivateFiles.write("out", target, pdf, force);
        return target;
    }

    List<Section> sections(Client client) {
        long id = client.id();
        LocalDate today = LocalDate.now(clock);
        List<Section> sections = new ArrayList<>();
        sections.add(new Section("Client", ClientView.card(client, today, clients.lastVisit(id).orElse(null))));
        List<Intake> versions = intakes.history(id);
        if (versions.isEmpty()) {
            sections.add(new Section("Intake", "No intake recorded."));
        }
        for (Intake intake : versions) {
            sections.add(new Section("Intake version " + intake.version(), intakeView.card(intake)));
        }
        intakes.screening(id).ifPresent(s -> sections.add(new Section("Current screening", intakeView.screening(s))));
        List<Long> sessionIds = sessions.sessionIds(id);
        if (sessionIds.isEmpty()) {
            sections.add(new Section("Sessions", "No sessions recorded."));
        }
        for (long sessionId : sessionIds) {
            sections.add(new Section("Session " + sessionId, sessionView.note(sessions.details(sessionId))));
        }
        List<CarePlanExport> plans = carePlans.exports(id);
        StringBuilder given = new StringBuilder();
        for (CarePlanExport plan : plans) {
            given.append(WHEN.format(plan.exportedAt().atZone(ZoneId.systemDefault()))).append("  ").append(plan.what())
                    .append("  ").append(plan.fileName()).append("\n  SHA-256 ").append(plan.sha256()).append('\n');
            plan.adaptationLines().forEach(line -> given.append("  Adapted: ").append(line).append('\n'));
        }
        sections.add(new Section("Care plans given", plans.isEmpty() ? "None." : given.toString().strip()));
        return sections;
    }

    private byte[] render(Client client, List<Section> sections) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 42, 42, 42, 42);
        PdfWriter.getInstance(document, bytes);
        String name = client.firstName() + " " + client.lastName();
        document.addTitle("Clinical record - " + name);
        document.addAuthor(clinic.clinic().map(c -> c.name()).orElse("Soapstone"));
        document.addCreator("Soapstone");
        document.open();
        Font title = new Font(fonts.bold(), 18);
        Font heading = new Font(fonts.bold(), 13);
        Font small = new Font(fonts.regular(), 9);
        Font text = new Font(fonts.mono(), 9);
        document.add(new Paragraph("Clinical record: " + name, title));
        String from = clinic.clinic().map(c -> c.name() + ", " + c.address() + ", " + c.phone()).orElse("");
        document.add(new Paragraph(from + (from.isEmpty() ? "" : "\n") + "Printed "
                + WHEN.format(clock.instant().atZone(ZoneId.systemDefault())) + ". Signed notes are final; corrections"
                + " appear as dated addenda.", small));
        for (Section section : sections) {
            Paragraph head = new Paragraph(section.title(), heading);
            head.setSpacingBefore(10);
            head.setSpacingAfter(3);
            document.add(head);
            Paragraph body = new Paragraph(section.text(), text);
            body.setLeading(11.5f);
            document.add(body);
        }
        document.close();
        return bytes.toByteArray();
    }
}
