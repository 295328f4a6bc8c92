package app.soapstone.clinic;

import app.soapstone.shell.Failure;
import app.soapstone.support.SoapstoneTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code clinic set|show} and {@code practitioner add|list|default} through the real command layer. */
@Tag(SoapstoneTest.POSTGRESQL)
class ClinicCommandsTest extends SoapstoneTest {

    @Autowired
    private ClinicRepository clinics;

    @Test
    void clinicDetailsReadBeforeSomeoneElsesChangeAreNotStoredOverIt() {
        run("clinic set --name Bodyworks --address \"1 Main St\" --phone \"02 9130 1234\"").expectOk();
        long read = clinics.findById(Clinic.THE_CLINIC).orElseThrow().version();
        run("clinic set --website bodyworks.example").expectOk();

        assertThat(clinics.store("Stale", "1 Main St", "02 9130 1234", null, null, null, null, null, null, Instant.now(), read)).isZero();
        assertThat(clinics.findById(Clinic.THE_CLINIC).orElseThrow()).satisfies(clinic -> {
            assertThat(clinic.name()).isEqualTo("Bodyworks");
            assertThat(clinic.website()).isEqualTo("bodyworks.example");
            assertThat(clinic.version()).isEqualTo(read + 1);
        });
    }


    // ---------------------------------------------------------------- clinic set / show

    @Test
    void showBeforeSetGivesAHint() {
        Result result = run("clinic show");

        assertThat(result.status()).isEqualTo(Failure.OK);
        assertThat(result.output()).contains("No clinic details").contains("clinic set");
        assertThat(clinicCount()).isZero();
    }

    @Test
    void firstSetStoresTheDetailsAndShowPrintsThem() {
        Result result = run("clinic set --name \"Bondi Body Works\" --address \"12 Beach Rd, Bondi NSW 2026\""
                + " --phone \"(02) 9130 1234\" --email hello@bondibody.example --website https://bondibody.example");

        assertThat(result.status()).isEqualTo(Failure.OK);
        assertThat(result.output()).contains("Bondi Body Works");
        assertThat(clinic()).containsEntry("name", "Bondi Body Works")
                .containsEntry("address", "12 Beach Rd, Bondi NSW 2026")
                .containsEntry("phone", "(02) 9130 1234")
                .containsEntry("email", "hello@bondibody.example")
                .containsEntry("website", "https://bondibody.example");
        assertThat(card(run("clinic show").expectOk())).containsEntry("Clinic", "Bondi Body Works")
                .containsEntry("Address", "12 Beach Rd, Bondi NSW 2026")
                .containsEntry("Phone", "(02) 9130 1234")
                .containsEntry("Email", "hello@bondibody.example")
                .containsEntry("Website", "https://bondibody.example");
    }

    @Test
    void firstSetNeedsNameAddressAndPhone() {
        for (String line : List.of(
                "clinic set --address \"1 Main St\" --phone 0291301234",
                "clinic set --name Bodyworks --phone 0291301234",
                "clinic set --name Bodyworks --address \"1 Main St\"",
                "clinic set --email hello@example.com",
                "clinic set")) {
            Result result = run(line);
            assertThat(result.status()).as(line).isEqualTo(Failure.USAGE);
            assertThat(result.error()).as(line).containsAnyOf("--name", "--address", "--phone");
            assertThat(clinicCount()).as(line).isZero();
        }
        assertThat(run("clinic set --address \"1 Main St\" --phone 0291301234").error()).startsWith("--name");
        assertThat(run("clinic set --name Bodyworks --phone 0291301234").error()).startsWith("--address");
        assertThat(run("clinic set --name Bodyworks --address \"1 Main St\"").error()).startsWith("--phone");
        assertThat(run("clinic show").expectOk()).contains("No clinic details");
    }

    @Test
    void theCountryIsATwoLetterCodeThatPhoneNumbersCanBeReadIn() {
        run("clinic set --name Bodyworks --address \"1 Main St\" --phone 0291301234").expectOk();
        assertThat(card(run("clinic show").expectOk())).containsEntry("Country",
                "not set (phone numbers are matched by their digits)");

        for (String code : List.of("XX", "AUS", "Australia", "1", "A")) {
            Result result = run("clinic set --country " + code);
            assertThat(result.status()).as(code).isEqualTo(Failure.USAGE);
            assertThat(result.error()).as(code).startsWith("--country: '" + code + "' is not a country code")
                    .contains("AU, GB").doesNotContain("\n");
        }
        assertThat(clinic()).containsEntry("country", null);

        run("clinic set --country au").expectOk();
        assertThat(clinic()).containsEntry("country", "AU").containsEntry("name", "Bodyworks");
        assertThat(card(run("clinic show").expectOk())).containsEntry("Country", "AU");

        run("clinic set --country ''").expectOk();
        assertThat(clinic()).containsEntry("country", null);
    }

    @Test
    void laterSetChangesOnlyTheGivenFields() {
        run("clinic set --name Bodyworks --address \"1 Main St\" --phone 0291301234 --email a@example.com"
                + " --website example.com").expectOk();

        run("clinic set --phone \"0400 123 456\"").expectOk();

        assertThat(clinic()).containsEntry("name", "Bodyworks")
                .containsEntry("address", "1 Main St")
                .containsEntry("phone", "0400 123 456")
                .containsEntry("email", "a@example.com")
                .containsEntry("website", "example.com");

        run("clinic set --name \"Bodyworks & Co\" --email ''").expectOk();

        assertThat(clinic()).containsEntry("name", "Bodyworks & Co")
                .containsEntry("address", "1 Main St")
                .containsEntry("phone", "0400 123 456")
                .containsEntry("website", "example.com");
        assertThat(clinic().get("email")).isNull();
        assertThat(clinicCount()).isEqualTo(1);
        assertThat(card(run("clinic show").expectOk())).containsEntry("Clinic", "Bodyworks & Co")
                .doesNotContainKey("Email");
    }

    @Test
    void invalidClinicValuesChangeNothing() {
        run("clinic set --name Bodyworks --address \"1 Main St\" --phone 0291301234").expectOk();
        Map<String, Object> before = clinic();

        for (String line : List.of("clinic set --name Other --email not-an-email",
                "clinic set --phone letters", "clinic set --phone \"\"", "clinic set --name \"\"",
                "clinic set --nmae Other", "clinic set --name A --name B", "clinic set --phone")) {
            Result result = run(line);
            assertThat(result.status()).as(line).isEqualTo(Failure.USAGE);
            assertThat(result.error()).as(line).isNotBlank();
            assertThat(clinic()).as(line).isEqualTo(before);
        }
    }

    @Test
    void clinicDetailsKeepUnicodeAndQuotes() {
        run("clinic set --name \"Zoë's Mötley Massage\" --address \"東京都 1-2-3\" --phone \"+81 3 1234 5678\"")
                .expectOk();

        assertThat(clinic()).containsEntry("name", "Zoë's Mötley Massage").containsEntry("address", "東京都 1-2-3");
        assertThat(card(run("clinic show").expectOk())).containsEntry("Clinic", "Zoë's Mötley Massage");
    }

    // ---------------------------------------------------------------- practitioners

    @Test
    void practitionerAddPrintsOnlyTheIdAndStoresTheDetails() {
        Result result = run("practitioner add --name \"Alex Chen\" --credentials RMT --registration-number MYO-12345");

        assertThat(result.status()).isEqualTo(Failure.OK);
        String output = result.output().strip();
        assertThat(output).matches("\\d+");
        Map<String, Object> row = practitioner(Long.parseLong(output));
        assertThat(row).containsEntry("name", "Alex Chen")
                .containsEntry("credentials", "RMT")
                .containsEntry("registration_number", "MYO-12345");
    }

    @Test
    void practitionerAddNeedsNameAndCredentials() {
        for (String line : List.of("practitioner add --name \"Alex Chen\"", "practitioner add --credentials RMT",
                "practitioner add", "practitioner add --name \"\" --credentials RMT",
                "practitioner add --name \"Alex Chen\" --credentials \"\"",
                "practitioner add --name \"Alex Chen\" --credentails RMT")) {
            Result result = run(line);
            assertThat(result.status()).as(line).isEqualTo(Failure.USAGE);
            assertThat(result.error()).as(line).containsAnyOf("--name", "--credentials", "--credentails");
            assertThat(practitionerCount()).as(line).isZero();
        }
        assertThat(run("practitioner add --name \"Alex Chen\"").error()).startsWith("--credentials");
        assertThat(run("practitioner add --credentials RMT").error()).startsWith("--name");
    }

    @Test
    void firstPractitionerIsTheDefaultAndListMarksIt() {
        long alex = addPractitioner("--name \"Alex Chen\" --credentials RMT");
        long sam = addPractitioner("--name \"Sam O'Neil\" --credentials Myotherapist --registration-number AHP-9");

        assertThat(defaultIds()).containsExactly(alex);
        String list = run("practitioner list").expectOk();
        assertThat(line(list, "Alex Chen")).startsWith("*").contains(String.valueOf(alex)).contains("RMT");
        assertThat(line(list, "Sam O'Neil")).doesNotStartWith("*").contains(String.valueOf(sam))
                .contains("Myotherapist").contains("AHP-9");
        assertThat(list.lines().filter(l -> l.startsWith("*")).count()).isEqualTo(1);
    }

    @Test
    void defaultMovesToTheChosenPractitioner() {
        long alex = addPractitioner("--name \"Alex Chen\" --credentials RMT");
        long sam = addPractitioner("--name \"Sam O'Neil\" --credentials Myotherapist");
        long kim = addPractitioner("--name \"Kim Park\" --credentials RMT");

        Result result = run("practitioner default " + sam);

        assertThat(result.status()).isEqualTo(Failure.OK);
        assertThat(result.output()).contains("Sam O'Neil");
        assertThat(defaultIds()).containsExactly(sam);
        String list = run("practitioner list").expectOk();
        assertThat(line(list, "Sam O'Neil")).startsWith("*");
        assertThat(line(list, "Alex Chen")).doesNotStartWith("*");
        assertThat(line(list, "Kim Park")).doesNotStartWith("*");

        run("practitioner default " + kim).expectOk();
        assertThat(defaultIds()).containsExactly(kim);
        run("practitioner default " + kim).expectOk();
        assertThat(defaultIds()).containsExactly(kim);
        run("practitioner default " + alex).expectOk();
        assertThat(defaultIds()).containsExactly(alex);
        assertThat(practitionerCount()).isEqualTo(3);
    }

    @Test
    void defaultOfUnknownPractitionerIsNotFoundAndKeepsTheDefault() {
        long alex = addPractitioner("--name \"Alex Chen\" --credentials RMT");

        Result result = run("practitioner default 999");

        assertThat(result.status()).isEqualTo(Failure.NOT_FOUND);
        assertThat(result.error()).isEqualTo("No practitioner with id 999");
        assertThat(defaultIds()).containsExactly(alex);
    }

    @Test
    void defaultWithANonNumericIdIsAUsageError() {
        Result result = run("practitioner default alex");

        assertThat(result.status()).isEqualTo(Failure.USAGE);
        assertThat(result.error()).contains("PRACTITIONER").contains("alex");
    }

    @Test
    void listWithNoPractitionersGivesAHint() {
        Result result = run("practitioner list");

        assertThat(result.status()).isEqualTo(Failure.OK);
        assertThat(result.output()).contains("No practitioners").contains("practitioner add");
    }

    @Test
    void aDatabaseLoginIsRefusedOnSqliteAndBeforeTheRolesAreSetUpOnPostgres() {
        Result result = run("practitioner add --name \"Alex Chen\" --credentials RMT --db-role alex");

        if (ON_POSTGRES) {
            // The test server's database never had 'clinic roles init' (ClinicRolesTest runs it in its own).
            assertThat(result.status()).isEqualTo(Failure.CONFLICT);
            assertThat(result.error()).contains("run 'clinic roles init' first");
        } else {
            assertThat(result.status()).isEqualTo(Failure.USAGE);
            assertThat(result.error()).startsWith("--db-role: is for a clinic on PostgreSQL")
                    .contains("SQLite file");
            assertThat(run("clinic roles init").error()).contains("is for a clinic on PostgreSQL");
        }
        assertThat(run("practitioner list").output()).contains("No practitioners");
    }

    @Test
    void withoutRolesNothingIsMarkedInHelp() {
        assertThat(run("help").expectOk()).doesNotContain("\nx ").contains("  clinic roles init");
    }

    // ---------------------------------------------------------------- helpers

    private long addPractitioner(String options) {
        return Long.parseLong(run("practitioner add " + options).expectOk());
    }

    private Map<String, Object> clinic() {
        return jdbc.sql("SELECT name, address, phone, email, website, country FROM clinic").query().singleRow();
    }

    private int clinicCount() {
        return jdbc.sql("SELECT count(*) FROM clinic").query(Integer.class).single();
    }

    private Map<String, Object> practitioner(long id) {
        return jdbc.sql("SELECT * FROM practitioner WHERE id = ?").param(id).query().singleRow();
    }

    @Test
    void theAuditTrailNamesTheDefaultPractitionerAtTheTimeOfEachChange() {
        run("practitioner add --name Alex --credentials RMT").expectOk();
        String sam = run("practitioner add --name Sam --credentials RMT").expectOk();
        run("practitioner default " + sam).expectOk();

        String audit = run("audit list").expectOk();

        // Alex, the first, was the default until Sam was made it.
        assertThat(line(audit, "Added practitioner " + sam)).contains("Alex").doesNotContain("Sam");
        assertThat(line(audit, "Made practitioner " + sam + " the default")).contains("Sam").doesNotContain("Alex");
    }

    private int practitionerCount() {
        return jdbc.sql("SELECT count(*) FROM practitioner").query(Integer.class).single();
    }

    private List<Long> defaultIds() {
        return jdbc.sql("SELECT id FROM practitioner WHERE is_default").query(Long.class).list();
    }

    private static String line(String text, String containing) {
        List<String> lines = text.lines().filter(l -> l.contains(containing)).toList();
        assertThat(lines).as(text).hasSize(1);
        return lines.get(0);
    }

    private static Map<String, String> card(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : text.strip().lines().toList()) {
            int colon = line.indexOf(':');
            assertThat(colon).as(line).isPositive();
            fields.put(line.substring(0, colon), line.substring(colon + 1).strip());
        }
        return fields;
    }
}
