package app.soapstone.service;

import app.soapstone.shell.Failure;
import app.soapstone.shell.ShellCompleter;
import app.soapstone.support.SoapstoneTest;
import app.soapstone.support.Tab;
import org.jline.reader.Candidate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;

import java.util.List;

import static app.soapstone.support.Tab.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code service add|list|edit|retire}, booking an appointment for a service, and TAB completion
 * of services, through the real command layer.
 */
@Tag(SoapstoneTest.POSTGRESQL)
class ServiceCommandsTest extends SoapstoneTest {

    @Autowired
    private ShellCompleter completer;

    private long sam;

    @BeforeEach
    void clinicInSydney() {
        run("clinic set --name Bodyworks --address \"1 Main St\" --phone \"02 9130 1234\" --time-zone Australia/Sydney")
                .expectOk();
        run("practitioner add --name \"Alex Chen\" --credentials RMT").expectOk();
        sam = Long.parseLong(run("client add --first-name Sam --last-name Park").expectOk());
    }

    // ---------------------------------------------------------------- add, list, edit, retire

    @Test
    void servicesAreAddedListedEditedAndRetiredEachAudited() {
        assertThat(run("service list").expectOk()).startsWith("No services offered. Add one with: service add");
        assertThat(run("service add --name \"Remedial massage 60 min\" --minutes 60").expectOk())
                .startsWith("Added service 1: Remedial massage 60 min (60 min).");
        run("service add --name \"Hot stone\" --minutes 90").expectOk();

        assertThat(run("service list").expectOk()).containsPattern("1 +Remedial massage 60 min +60")
                .containsPattern("2 +Hot stone +90").doesNotContain("Retired");
        assertThat(run("service edit 2 --name \"Hot stone 75\" --minutes 75").expectOk())
                .startsWith("Changed service 2: Hot stone 75 (75 min).");
        assertThat(run("service edit --service 1 --minutes 45").expectOk()).as("the id as an option too")
                .startsWith("Changed service 1: Remedial massage 60 min (45 min).");
        assertThat(run("service retire 2").expectOk()).startsWith("Retired service 2: Hot stone 75 (75 min).");

        assertThat(run("service list").expectOk()).contains("Remedial massage").doesNotContain("Hot stone");
        assertThat(run("service list --all").expectOk()).containsPattern("2 +Hot stone 75 +75 +" + TODAY)
                .containsPattern("1 +Remedial massage 60 min +45 *\n");
        assertThat(jdbc.sql("SELECT name, minutes, retired_at IS NOT NULL AS retired, version FROM service ORDER BY id")
                .query((row, n) -> row.getString(1) + "/" + row.getInt(2) + "/" + row.getBoolean(3) + "/" + row.getLong(4))
                .list()).containsExactly("Remedial massage 60 min/45/false/1", "Hot stone 75/75/true/2");
        assertThat(audit()).containsExactly(
                "add service 1: Added service 1: Remedial massage 60 min (60 min)",
                "add service 2: Added service 2: Hot stone (90 min)",
                "change service 2: Changed service 2 from Hot stone (90 min) to Hot stone 75 (75 min)",
                "change service 1: Changed service 1 from Remedial massage 60 min (60 min) to Remedial massage 60 min"
                        + " (45 min)",
                "retire service 2: Retired service 2: Hot stone 75 (75 min)");
    }

    @Test
    void aNameIsTakenCaseAsideUntilItsServiceIsRetired() {
        run("service add --name \"Hot stone\" --minutes 90").expectOk();
        run("service add --name Cupping --minutes 30").expectOk();

        Result taken = run("service add --name \" HOT STONE \" --minutes 60");
        assertThat(taken.status()).isEqualTo(Failure.USAGE);
        assertThat(taken.error()).contains("--name: 'HOT STONE' is taken by service 1 (Hot stone)").doesNotContain("\n");
        Result renamed = run("service edit 2 --name \"hot Stone\"");
        assertThat(renamed.status()).isEqualTo(Failure.USAGE);
        assertThat(renamed.error()).contains("--name", "taken by service 1");
        // Its own name, in other letters, is not taken.
        run("service edit 1 --name \"Hot Stone\"").expectOk();

        run("service retire 1").expectOk();
        assertThat(run("service add --name \"hot stone\" --minutes 75").expectOk()).startsWith("Added service 3:");
        assertThat(count()).isEqualTo(3);
    }

    @Test
    void theDatabaseAlsoRefusesASecondOfferedServiceOfTheSameName() {
        run("service add --name \"Hot stone\" --minutes 90").expectOk();
        String insert = "INSERT INTO service (name, minutes, created_at, updated_at)"
                + " VALUES (?, ?, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')";

        assertThatThrownBy(() -> jdbc.sql(insert).params("HOT STONE", 60).update())
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.sql(insert).params("Long", 481).update()).isInstanceOf(DataAccessException.class);
        jdbc.sql(insert).params("Hot stones", 60).update();
        assertThat(count()).isEqualTo(2);
    }

    @Test
    void badInputIsRefusedInOneLineNamingTheOption() {
        run("service add --name Cupping --minutes 30").expectOk();

        expectRefused("service add --name Short --minutes 4", Failure.USAGE, "--minutes: 4 is out of range (use 5-480)");
        expectRefused("service add --name Long --minutes 481", Failure.USAGE, "--minutes: 481 is out of range");
        expectRefused("service add --name \"  \" --minutes 30", Failure.USAGE, "--name: must not be empty");
        expectRefused("service add --minutes 30", Failure.USAGE, "--name");
        expectRefused("service edit 1", Failure.USAGE, "Nothing to change: give --name, --minutes, --price");
        expectRefused("service edit 1 --minutes 500", Failure.USAGE, "--minutes: 500 is out of range");
        expectRefused("service edit 9 --minutes 30", Failure.NOT_FOUND, "No service with id 9");
        expectRefused("service retire 9", Failure.NOT_FOUND, "No service with id 9");
        run("service retire 1").expectOk();
        expectRefused("service edit 1 --minutes 45", Failure.CONFLICT, "Service 1 (Cupping) is retired, so it cannot"
                + " be changed");
        expectRefused("service retire 1", Failure.CONFLICT, "Service 1 (Cupping) is retired, so it cannot be retired"
                + " again");
        assertThat(jdbc.sql("SELECT minutes FROM service WHERE id = 1").query(Integer.class).single()).isEqualTo(30);
        assertThat(audit()).hasSize(2);
    }

    // ---------------------------------------------------------------- booking a service

    @Test
    void anAppointmentForAServiceTakesItsLengthUnlessMinutesAreGiven() {
        run("service add --name \"Hot stone\" --minutes 90").expectOk();

        assertThat(run("appointment book --client " + sam + " --at \"2026-12-05 10:00\" --service 1").expectOk())
                .startsWith("Booked appointment 1: Sam Park (client " + sam + ") for Hot stone with Alex Chen,"
                        + " Sat 5 Dec 2026 10:00 to 11:30 Australia/Sydney");
        assertThat(run("appointment book --client " + sam + " --at \"2026-12-05 13:00\" --service 1 --minutes 30")
                .expectOk()).contains("Sat 5 Dec 2026 13:00 to 13:30");
        assertThat(run("appointment book --client " + sam + " --at \"2026-12-05 15:00\"").expectOk())
                .contains("(client " + sam + ") with Alex Chen, Sat 5 Dec 2026 15:00 to 16:00");

        assertThat(jdbc.sql("SELECT service_id FROM appointment ORDER BY id").query((row, n) -> row.getObject(1))
                .list()).extracting(id -> id == null ? null : ((Number) id).longValue()).containsExactly(1L, 1L, null);
        assertThat(jdbc.sql("SELECT summary FROM audit_event WHERE record_type = 'appointment' ORDER BY id")
                .query(String.class).list().getFirst()).endsWith("(90 min, service 1)");
        // The service is shown under the client's name.
        String day = run("appointment list --day 2026-12-05").expectOk();
        assertThat(day).containsPattern("1 +10:00-11:30 +Sam Park \\(" + sam + "\\) +Alex Chen +booked\\s*\n +Hot stone");
        assertThat(day).containsPattern("3 +15:00-16:00 +Sam Park \\(" + sam + "\\) +Alex Chen +booked\\s*$");
    }

    @Test
    void aRetiredOrUnknownServiceCannotBeBookedButStaysOnItsAppointments() {
        run("service add --name \"Hot stone\" --minutes 90").expectOk();
        run("appointment book --client " + sam + " --at \"2026-12-05 10:00\" --service 1").expectOk();
        run("service retire 1").expectOk();

        expectRefused("appointment book --client " + sam + " --at \"2026-12-06 10:00\" --service 1", Failure.USAGE,
                "--service: service 1 (Hot stone) is retired and cannot be booked");
        expectRefused("appointment book --client " + sam + " --at \"2026-12-06 10:00\" --service 7", Failure.USAGE,
                "--service: no service with id 7");
        assertThat(jdbc.sql("SELECT count(*) FROM appointment").query(Integer.class).single()).isEqualTo(1);
        assertThat(run("appointment list --day 2026-12-05").expectOk()).contains("Hot stone");
        assertThat(run("appointment move 1 --at \"2026-12-05 14:00\"").expectOk()).as("booked before it was retired")
                .contains("for Hot stone", "14:00 to 15:30");
    }

    // ---------------------------------------------------------------- completion

    @Test
    void tabOffersServicesStillOfferedByIdOrName() {
        run("service add --name \"Remedial massage\" --minutes 60").expectOk();
        run("service add --name \"Hot stone\" --minutes 90").expectOk();
        run("service add --name \"Stone therapy\" --minutes 45").expectOk();
        run("service retire 3").expectOk();

        List<Candidate> all = tab("appointment book --client " + sam + " --service ");
        assertThat(values(all)).containsExactly("1", "2");
        assertThat(all.getFirst().displ()).isEqualTo("1  Remedial massage");
        assertThat(all.getFirst().descr()).isEqualTo("60 min");
        assertThat(values(tab("appointment book --service STO"))).containsExactly("2");
        assertThat(values(tab("appointment book --service 2"))).containsExactly("2");
        assertThat(values(tab("service edit "))).containsExactly("1", "2");
        assertThat(values(tab("service retire mas"))).containsExactly("1");
    }

    @Test
    void tabOffersTheClinicsProcedureCodesAfterEachComma() {
        List<Candidate> all = tab("service add --name Remedial --minutes 60 --codes ");
        assertThat(values(all)).contains("97124", "97140");
        assertThat(all.stream().filter(c -> c.value().equals("97124")).findFirst().orElseThrow().descr())
                .endsWith(", timed");
        assertThat(values(tab("service edit 1 --codes 97124,9714"))).containsExactly("97124,97140");
    }

    private void expectRefused(String line, int status, String message) {
        Result result = run(line);
        assertThat(result.status()).as(line).isEqualTo(status);
        assertThat(result.error()).as(line).contains(message).doesNotContain("\n\tat ");
    }

    private List<Candidate> tab(String line) {
        return Tab.press(completer, line);
    }

    private int count() {
        return jdbc.sql("SELECT count(*) FROM service").query(Integer.class).single();
    }

    private List<String> audit() {
        return jdbc.sql("SELECT action || ' ' || record_type || ' ' || record_id || ': ' || summary FROM audit_event"
                + " WHERE record_type = 'service' ORDER BY id").query(String.class).list();
    }
}
