package app.soapstone.client;

import app.soapstone.shell.Tables;
import app.soapstone.validation.DateTimes;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;

/** How clients look in the terminal. */
public final class ClientView {

    private static final DateTimeFormatter WHEN = DateTimes.MINUTE;

    private ClientView() {
    }

    static String table(List<ClientSummary> clients, LocalDate today, boolean showStatus, int width) {
        if (clients.isEmpty()) {
            return "No clients.";
        }
        List<String> headers = showStatus
                ? List.of("ID", "Name", "Born (age)", "Phone", "Last visit", "Status")
                : List.of("ID", "Name", "Born (age)", "Phone", "Last visit");
        List<List<String>> rows = clients.stream().map(c -> {
            List<String> row = List.of(String.valueOf(c.id()), c.lastName() + ", " + firstAndPreferred(c),
                    birth(c.dateOfBirth(), c.ageOn(today)), nullToEmpty(c.phone()),
                    c.lastVisit() == null ? "" : c.lastVisit().toString());
            if (!showStatus) {
                return row;
            }
            return Stream.concat(row.stream(), Stream.of(c.archived() ? "archived" : "active")).toList();
        }).toList();
        return Tables.render(headers, rows, width);
    }

    public static String card(Client client, LocalDate today, LocalDate lastVisit) {
        return Tables.card(fields(client, today, lastVisit));
    }

    /** The client's details as labelled values; empty values are left for the caller to skip. */
    public static List<List<String>> fields(Client client, LocalDate today, LocalDate lastVisit) {
        return List.of(
                List.of("Client", client.id() + (client.archived() ? " (archived " + date(client.archivedAt()) + ")" : "")),
                List.of("Name", client.firstName() + " " + client.lastName()),
                List.of("Preferred name", nullToEmpty(client.preferredName())),
                List.of("Printed as", client.printedName()),
                List.of("Date of birth", birth(client.dateOfBirth(), client.ageOn(today))),
                List.of("Phone", nullToEmpty(client.phone())),
                List.of("Email", nullToEmpty(client.email())),
                List.of("Address", nullToEmpty(client.address())),
                List.of("Emergency contact", nullToEmpty(client.emergencyContact())),
                List.of("Notes", nullToEmpty(client.notes())),
                List.of("Last visit", lastVisit == null ? "none yet" : lastVisit.toString()),
                List.of("Added", date(client.createdAt())),
                List.of("Updated", date(client.updatedAt())));
    }

    private static String firstAndPreferred(ClientSummary c) {
        boolean distinct = c.preferredName() != null && !c.preferredName().isBlank()
                && !c.preferredName().equals(c.firstName());
        return c.firstName() + (distinct ? " (" + c.preferredName() + ")" : "");
    }

    private static String birth(LocalDate dateOfBirth, Integer age) {
        return dateOfBirth == null ? "" : dateOfBirth + " (" + age + ")";
    }

    private static String date(Instant instant) {
        return instant == null ? "" : WHEN.format(instant.atZone(ZoneId.systemDefault()));
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
