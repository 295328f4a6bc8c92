package app.soapstone.client;

import app.soapstone.shell.Failure;
import app.soapstone.support.SoapstoneTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every {@code client} command through the real command layer, checked against what the database holds. */
@Tag(SoapstoneTest.POSTGRESQL)
class ClientCommandsTest extends SoapstoneTest {

    // ---------------------------------------------------------------- client add

    @Test
    void addPrintsOnlyTheNewIdAndStoresEveryField() {
        Result result = run("client add --first-name Elizabeth --last-name Taylor --preferred-name Liz"
                + " --dob 1985-07-02 --phone \"0412 345 678\" --email liz@example.com"
                + " --address \"12 Beach Rd, Bondi NSW 2026\" --emergency-contact \"Tom Taylor 0400 111 222\""
                + " --notes \"Prefers afternoon bookings\"");

        assertThat(result.status()).isEqualTo(Failure.OK);
        assertThat(result.error()).isNull();
        String output = result.output().strip();
        assertThat(output).matches("\\d+");
        long id = Long.parseLong(output);
        assertThat(jdbc.sql("SELECT max(id) FROM client").query(Long.class).single()).isEqualTo(id);

        Map<String, Object> row = row(id);
        assertThat(row).containsEntry("first_name", "Elizabeth")
                .containsEntry("last_name", "Taylor")
                .containsEntry("preferred_name", "Liz")
                .containsEntry("date_of_birth", "1985-07-02")
                .containsEntry("phone", "0412 345 678")
                .containsEntry("email", "liz@example.com")
                .containsEntry("address", "12 Beach Rd, Bondi NSW 2026")
                .containsEntry("emergency_contact", "Tom Taylor 0400 111 222")
                .containsEntry("notes", "Prefers afternoon bookings");
        assertThat(row.get("archived_at")).isNull();
        assertThat(row.get("created_at")).isNotNull();
    }

    @Test
    void addWithOnlyRequiredOptionsLeavesOptionalFieldsEmpty() {
        long id = add("--first-name Sam --last-name Lee");

        Map<String, Object> row = row(id);
        assertThat(row).containsEntry("first_name", "Sam").containsEntry("last_name", "Lee");
        for (String column : List.of("preferred_name", "date_of_birth", "phone", "email", "address",
                "emergency_contact", "notes", "archived_at")) {
            assertThat(row.get(column)).as(column).isNull();
        }
    }

    @Test
    void eachAddGetsItsOwnId() {
        long first = add("--first-name Sam --last-name Lee");
        long second = add("--first-name Sam --last-name Lee");

        assertThat(second).isNotEqualTo(first);
        assertThat(clientCount()).isEqualTo(2);
    }

    @Test
    void addRefusesTheSameNameAndDateOfBirthAccentsAndCaseAside() {
        long id = add("--first-name Zoë --last-name Łukasiewicz --dob 1958-03-14");

        Result result = run("client add --first-name zoe --last-name LUKASIEWICZ --dob 1958-03-14");

        assertThat(result.status()).isEqualTo(Failure.CONFLICT);
        assertThat(result.error()).isEqualTo("A client like this exists already: " + id
                + " Zoë Łukasiewicz (same name and date of birth). Add anyway with --allow-duplicate, or use client show "
                + id);
        assertThat(clientCount()).isEqualTo(1);
        // The same name with another date of birth is another person.
        add("--first-name Zoë --last-name Łukasiewicz --dob 1960-01-01");
        assertThat(clientCount()).isEqualTo(2);
    }

    @Test
    void addRefusesThePhoneInAnotherFormat() {
        long id = add("--first-name Ann --last-name Lee --phone \"0412 345 678\"");

        Result result = run("client add --first-name Annie --last-name Smith --phone 0412345678");

        assertThat(result.status()).isEqualTo(Failure.CONFLICT);
        assertThat(result.error()).startsWith("A client like this exists already: " + id + " Ann Lee (same phone).");
        assertThat(clientCount()).isEqualTo(1);
    }

    @Test
    void addRefusesThePhoneInItsInternationalFormInTheClinicsCountry() {
        run("clinic set --name Bodyworks --address \"1 Main St\" --phone \"02 9130 1234\" --country AU").expectOk();
        long id = add("--first-name Ann --last-name Lee --phone \"+61 412 345 678\"");

        Result result = run("client add --first-name Annie --last-name Smith --phone \"0412 345 678\"");

        assertThat(result.status()).isEqualTo(Failure.CONFLICT);
        assertThat(result.error()).startsWith("A client like this exists already: " + id + " Ann Lee (same phone).");
        assertThat(clientCount()).isEqualTo(1);
    }

    @Test
    void addRefusesTheEmailInAnotherCaseArchivedClientsIncluded() {
        long id = add("--first-name Ann --last-name Lee --email ann@lee.net");
        run("client archive " + id).expectOk();

        Result result = run("client add --first-name Anne --last-name Leigh --email ANN@Lee.NET");

        assertThat(result.status()).isEqualTo(Failure.CONFLICT);
        assertThat(result.error()).contains(id + " Ann Lee (same email)").contains("client show " + id);
        assertThat(clientCount()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'add'").query(Integer.class).single())
                .isEqualTo(1);
    }

    @Test
    void addNamesEveryClientItIsLikeAndEverythingThatMatched() {
        long first = add("--first-name Ann --last-name Lee --dob 1970-01-02 --phone \"0412 345 678\"");
        long second = add("--first-name Ben --last-name Ng --email ben@ng.net");

        Result result = run("client add --first-name Ann --last-name Lee --dob 1970-01-02 --phone 0412345678"
                + " --email ben@ng.net");

        assertThat(result.status()).isEqualTo(Failure.CONFLICT);
        assertThat(result.error()).contains(first + " Ann Lee (same name and date of birth, same phone); "
                + second + " Ben Ng (same email)").contains("client show " + first);
        assertThat(clientCount()).isEqualTo(2);
    }

    @Test
    void allowDuplicateAddsTheClientAnyway() {
        long first = add("--first-name Ann --last-name Lee --dob 1970-01-02 --phone \"0412 345 678\"");

        long second = add("--first-name Ann --last-name Lee --dob 1970-01-02 --phone 0412345678 --allow-duplicate");

        assertThat(second).isNotEqualTo(first);
        assertThat(clientCount()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Zoë", "Łukasiewicz", "O'Brien", "Smith-Jones", "Mary Ann", "de la Cruz", "Анна",
            "Петрова", "王", "小明", "Ngā", "Jean \"JJ\"", "Robert'); DROP TABLE client;--", "Ann 100%_\\ off"})
    void namesAreStoredExactlyAsGivenAsSeparateWords(String name) {
        Result result = runWords("client", "add", "--first-name", name, "--last-name", name);

        long id = Long.parseLong(result.expectOk());
        assertThat(row(id)).containsEntry("first_name", name).containsEntry("last_name", name);
        assertThat(run("client show " + id).expectOk()).contains(name + " " + name);
    }

    @Test
    void quotedNamesTypedInTheShellAreStoredExactly() {
        long maryAnn = add("--first-name \"Mary Ann\" --last-name \"O'Brien\" --preferred-name 'Mae \"Em\" Ann'");
        long hyphen = add("--first-name Jean-Luc --last-name d\\'Arcy-Smith");

        assertThat(row(maryAnn)).containsEntry("first_name", "Mary Ann")
                .containsEntry("last_name", "O'Brien")
                .containsEntry("preferred_name", "Mae \"Em\" Ann");
        assertThat(row(hyphen)).containsEntry("first_name", "Jean-Luc").containsEntry("last_name", "d'Arcy-Smith");
    }

    @Test
    void sqlInANameIsStoredAsTextAndTheTableSurvives() {
        String name = "Robert'); DROP TABLE client;--";
        long id = add("--first-name Bobby --last-name \"" + name + "\" --notes \"'; DELETE FROM client; --\"");

        // The table is there, with the row: on SQLite and PostgreSQL alike.
        assertThat(row(id)).containsEntry("last_name", name).containsEntry("notes", "'; DELETE FROM client; --");
        assertThat(clientCount()).isEqualTo(1);
        assertThat(run("client list").expectOk()).contains(name + ", Bobby");
        assertThat(names(run("client search \"" + name + "\"").expectOk())).containsExactly(name + ", Bobby");
    }

    @Test
    void nonLatinNamesAreStoredListedAndFound() {
        long anna = add("--first-name Анна --last-name Петрова");
        long wang = add("--first-name 小明 --last-name 王");

        assertThat(row(anna)).containsEntry("first_name", "Анна").containsEntry("last_name", "Петрова");
        assertThat(row(wang)).containsEntry("first_name", "小明").containsEntry("last_name", "王");
        String list = run("client list").expectOk();
        assertThat(list).contains("Петрова, Анна").contains("王, 小明");
        assertThat(run("client show " + anna).expectOk()).contains("Анна Петрова");
        assertThat(run("client show " + wang).expectOk()).contains("小明 王");
        String found = run("client search анна").expectOk();
        assertThat(found).contains("Петрова, Анна").doesNotContain("王");
        assertThat(run("client search ПЕТРОВА").expectOk()).contains("Петрова, Анна");
        assertThat(run("client search 王").expectOk()).contains("王, 小明").doesNotContain("Петрова");
    }

    // ---------------------------------------------------------------- bad input on add

    @Test
    void impossibleDateOfBirthIsRefusedWithAnExactMessage() {
        Result result = run("client add --first-name Ann --last-name Lee --dob 2026-02-30");

        assertThat(result.status()).isEqualTo(Failure.USAGE);
        assertThat(result.error()).isEqualTo("--dob: 2026-02-30 is not a valid date (use YYYY-MM-DD)");
        assertThat(result.output()).isBlank();
        assertThat(clientCount()).isZero();
    }

    @Test
    void futureDateOfBirthIsRefused() {
        String tomorrow = LocalDate.now().plusDays(1).toString();

        Result result = run("client add --first-name Ann --last-name Lee --dob " + tomorrow);

        assertThat(result.status()).isEqualTo(Failure.USAGE);
        assertThat(result.error()).startsWith("--dob: " + tomorrow).contains("future");
        assertThat(clientCount()).isZero();
    }

    @Test
    void todayIsAnAcceptableDateOfBirth() {
        String today = LocalDate.now().toString();

        long id = add("--first-name Baby --last-name Lee --dob " + today);

        assertThat(row(id)).containsEntry("date_of_birth", today);
    }

    @Test
    void badEmailIsRefused() {
        Result result = run("client add --first-name Ann --last-name Lee --email ann.example.com");

        assertThat(result.status()).isEqualTo(Failure.USAGE);
        assertThat(result.error()).startsWith("--email:").contains("ann.example.com");
        assertThat(clientCount()).isZero();
    }

    @Test
    void badPhoneIsRefused() {
        Result result = run("client add --first-name Ann --last-name Lee --phone \"call me maybe\"");

        assertThat(result.status()).isEqualTo(Failure.USAGE);
        assertThat(result.error()).startsWith("--phone:").contains("call me maybe");
        assertThat(clientCount()).isZero();
    }

    @Test
    void missingRequiredOptionIsNamed() {
        Result noLast = run("client add --first-name Ann");
        Result noFirst = run("client add --last-name Lee");

        assertThat(noLast.status()).isEqualTo(Failure.USAGE);
        assertThat(noLast.error()).startsWith("--last-name").contains("required");
        assertThat(noFirst.status()).isEqualTo(Failure.USAGE);
        assertThat(noFirst.error()).startsWith("--first-name").contains("required");
        assertThat(clientCount()).isZero();
    }

    @Test
    void unknownOptionIsAnErrorNamingItNotSilentlyIgnored() {
        Result result = run("client add --frist-name Ann --last-name Lee");

        assertThat(result.status()).isEqualTo(Failure.USAGE);
        assertThat(result.error()).contains("--frist-name").contains("--first-name");
        assertThat(clientCount()).isZero();
    }

    @Test
    void unknownOptionIsRefusedEvenWhenTheRequiredOnesAreThere() {
        Result result = run("client add --first-name Ann --last-name Lee --mobile 0412345678");

        assertThat(result.status()).isEqualTo(Failure.USAGE);
        assertThat(result.error()).contains("--mobile");
        assertThat(clientCount()).isZero();
    }

    @Test
    void optionGivenTwiceIsRefused() {
        Result result = run("client add --first-name Ann --last-name Lee --phone 0412345678 --phone 0499999999");

        assertThat(result.status()).isEqualTo(Failure.USAGE);
        assertThat(result.error()).contains("--phone").contains("more than once");
        assertThat(clientCount()).isZero();
    }

    @Test
    void valueMissingAtTheEndIsRefused() {
        Result result = run("client add --first-name Ann --last-name Lee --phone");

        assertThat(result.status()).isEqualTo(Failure.USAGE);
        assertThat(result.error()).contains("--phone").contains("needs a value");
        assertThat(clientCount()).isZero();
    }

    @Test
    void valueMissingBeforeTheNextOptionIsRefused() {
        Result result = run("client add --first-name --last-name Lee");

        assertThat(result.status()).isEqualTo(Failure.USAGE);
        assertThat(result.error()).contains("--first-name").contains("needs a value");
        assertThat(clientCount()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "client add --first-name Ann --last-name Lee --dob 2026-02-30",
            "client add --first-name Ann --last-name Lee --dob 14/03/1958",
            "client add --first-name Ann --last-name Lee --dob 1800-12-31",
            "client add --first-name Ann --last-name Lee --dob 3000-01-01",
            "client add --first-name Ann --last-name Lee --email ann@",
            "client add --first-name Ann --last-name Lee --phone abc",
            "client add --first-name Ann",
            "client add --last-name Lee",
            "client add",
            "client add --frist-name Ann --last-name Lee",
            "client add --first-name Ann --last-name Lee --phone 0412345678 --phone 0412345678",
            "client add --first-name Ann --last-name Lee --phone",
            "client add --first-name \"\" --last-name Lee",
            "client add --first-name \"   \" --last-name Lee",
            "client add --first-name 1234 --last-name Lee",
            "client add --first-name Mary Ann --last-name Lee",
            "client add --first-name \"Ann --last-name Lee",
    })
    void failedAddStoresNothing(String line) {
        Result result = run(line);

        assertThat(result.status()).as(line).isEqualTo(Failure.USAGE);
        assertThat(result.error()).as(line).isNotBlank();
        assertThat(result.output()).as(line).isBlank();
        assertThat(clientCount()).as(line).isZero();
    }

    // ---------------------------------------------------------------- client list

    @Test
    void listShowsIdNameBirthAgeAndPhoneWithAnEmptyLastVisitColumn() {
        LocalDate today = LocalDate.now();
        LocalDate birthdayTomorrow = today.minusYears(40).plusDays(1);
        long zoe = add("--first-name Zoë --last-name Łukasiewicz --dob 1958-03-14 --phone \"+61 412 345 678\"");
        long sam = add("--first-name Sam --last-name Adams --dob " + birthdayTomorrow);
        long liz = add("--first-name Elizabeth --last-name Taylor --preferred-name Liz");

        String list = run("client list").expectOk();

        List<String> header = cellsOf(list, headerLine(list));
        assertThat(header).containsExactly("ID", "Name", "Born (age)", "Phone", "Last visit");
        Map<String, String> zoeRow = rowOf(list, "Łukasiewicz, Zoë");
        assertThat(zoeRow).containsEntry("ID", String.valueOf(zoe))
                .containsEntry("Born (age)", "1958-03-14 (" + age(LocalDate.of(1958, 3, 14), today) + ")")
                .containsEntry("Phone", "+61 412 345 678")
                .containsEntry("Last visit", "");
        Map<String, String> samRow = rowOf(list, "Adams, Sam");
        assertThat(samRow).containsEntry("ID", String.valueOf(sam))
                .containsEntry("Born (age)", birthdayTomorrow + " (" + age(birthdayTomorrow, today) + ")")
                .containsEntry("Phone", "")
                .containsEntry("Last visit", "");
        Map<String, String> lizRow = rowOf(list, "Taylor, Elizabeth (Liz)");
        assertThat(lizRow).containsEntry("ID", String.valueOf(liz)).containsEntry("Born (age)", "");
    }

    @Test
    void ageTurnsOverOnTheBirthday() {
        LocalDate today = LocalDate.now();
        LocalDate birthdayToday = today.minusYears(30);
        LocalDate birthdayTomorrow = today.minusYears(30).plusDays(1);
        add("--first-name Today --last-name Able --dob " + birthdayToday);
        add("--first-name Tomorrow --last-name Baker --dob " + birthdayTomorrow);

        String list = run("client list").expectOk();

        assertThat(rowOf(list, "Able, Today").get("Born (age)"))
                .isEqualTo(birthdayToday + " (" + age(birthdayToday, today) + ")");
        assertThat(rowOf(list, "Baker, Tomorrow").get("Born (age)"))
                .isEqualTo(birthdayTomorrow + " (" + age(birthdayTomorrow, today) + ")");
        assertThat(age(birthdayToday, today)).isEqualTo(age(birthdayTomorrow, today) + 1);
    }

    @Test
    void listIsSortedByLastNameIgnoringAccentsAndCase() {
        add("--first-name Zed --last-name Zimmerman");
        add("--first-name Mia --last-name Martin");
        add("--first-name Zoë --last-name Łukasiewicz");
        add("--first-name Ann --last-name Lee");
        add("--first-name Eve --last-name Ávila");
        add("--first-name Bob --last-name adams");
        add("--first-name Amy --last-name Lee");
        add("--first-name Ola --last-name Ølsen");

        String list = run("client list").expectOk();

        assertThat(names(list)).containsExactly("adams, Bob", "Ávila, Eve", "Lee, Amy", "Lee, Ann",
                "Łukasiewicz, Zoë", "Martin, Mia", "Ølsen, Ola", "Zimmerman, Zed");
    }

    @Test
    void listWithNoClientsSaysSo() {
        Result result = run("client list");

        assertThat(result.status()).isEqualTo(Failure.OK);
        assertThat(result.output()).containsIgnoringCase("no clients");
    }

    @Test
    void listHidesArchivedClientsUnlessAskedAndThenMarksThem() {
        long kept = add("--first-name Ann --last-name Lee");
        long gone = add("--first-name Bob --last-name Brown");
        run("client archive " + gone).expectOk();

        String plain = run("client list").expectOk();
        assertThat(plain).contains("Lee, Ann").doesNotContain("Brown");

        String all = run("client list --archived").expectOk();
        assertThat(cellsOf(all, headerLine(all))).contains("Status");
        assertThat(rowOf(all, "Brown, Bob")).containsEntry("ID", String.valueOf(gone))
                .containsEntry("Status", "archived");
        assertThat(rowOf(all, "Lee, Ann")).containsEntry("ID", String.valueOf(kept))
                .containsEntry("Status", "active");
    }

    // ---------------------------------------------------------------- client search

    @Test
    void searchIgnoresCaseAndAccents() {
        add("--first-name Zoë --last-name Łukasiewicz");
        add("--first-name Ann --last-name Lee");
        add("--first-name José --last-name Müller");

        assertThat(names(run("client search zoe").expectOk())).containsExactly("Łukasiewicz, Zoë");
        assertThat(names(run("client search ZOË").expectOk())).containsExactly("Łukasiewicz, Zoë");
        assertThat(names(run("client search LUKASIEWICZ").expectOk())).containsExactly("Łukasiewicz, Zoë");
        assertThat(names(run("client search łukasiewicz").expectOk())).containsExactly("Łukasiewicz, Zoë");
        assertThat(names(run("client search jose").expectOk())).containsExactly("Müller, José");
        assertThat(names(run("client search MULLER").expectOk())).containsExactly("Müller, José");
    }

    @Test
    void searchIgnoresApostrophesHowEverTheyAreTyped() {
        add("--first-name Sean --last-name \"O'Brien\"");
        add("--first-name Ann --last-name Lee");

        for (String query : List.of("obrien", "\"o brien\"", "\"O'Brien\"", "OBrien", "o’brien", "\"sean o-brien\"")) {
            assertThat(names(run("client search " + query).expectOk())).as(query).containsExactly("O'Brien, Sean");
        }
    }

    @Test
    void searchFindsTheSameNameWithOrWithoutPunctuation() {
        add("--first-name Mary --last-name Smith-Jones");
        add("--first-name Ann --last-name Obrien");
        add("--first-name Sean --last-name \"O'Brien\"");
        add("--first-name Mary --last-name Smith");

        assertThat(names(run("client search smithjones").expectOk())).containsExactly("Smith-Jones, Mary");
        assertThat(names(run("client search \"smith jones\"").expectOk())).containsExactly("Smith-Jones, Mary");
        assertThat(names(run("client search Smith-Jones").expectOk())).containsExactly("Smith-Jones, Mary");
        assertThat(names(run("client search \"o'brien\"").expectOk())).containsExactly("O'Brien, Sean", "Obrien, Ann");
    }

    @Test
    void searchStillMatchesTheEmailAsWritten() {
        add("--first-name Sean --last-name \"O'Brien\" --email sean.ob@example.ie");

        assertThat(names(run("client search sean.ob@").expectOk())).containsExactly("O'Brien, Sean");
        assertThat(names(run("client search example.ie").expectOk())).containsExactly("O'Brien, Sean");
    }

    @Test
    void searchSaysWhenArchivedClientsMatch() {
        long archived = add("--first-name Sean --last-name \"O'Brien\"");
        run("client archive " + archived).expectOk();
        add("--first-name Mary --last-name Brien");

        Result none = run("client search obrien");
        assertThat(none.status()).isEqualTo(Failure.OK);
        assertThat(none.output().strip()).isEqualTo("No clients match 'obrien'.\n1 archived client matches (use --archived)");

        String fewer = run("client search brien").expectOk();
        assertThat(names(withoutHint(fewer))).containsExactly("Brien, Mary");
        assertThat(fewer.strip()).endsWith("\n1 archived client matches (use --archived)");

        long another = add("--first-name Ann --last-name \"O'Brien\"");
        run("client archive " + another).expectOk();
        assertThat(run("client search obrien").expectOk()).contains("2 archived clients match (use --archived)");
        assertThat(run("client search obrien --archived").expectOk()).doesNotContain("use --archived");
        assertThat(run("client search brien").expectOk()).contains("2 archived clients match");
        assertThat(run("client search mary").expectOk()).doesNotContain("archived client");
    }

    @Test
    void searchFindsPartOfANameEmailOrPreferredName() {
        add("--first-name Elizabeth --last-name Taylor --preferred-name Liz --email liz.t@example.org");
        add("--first-name Ann --last-name Lee --email ann@lee.net");

        assertThat(names(run("client search aylo").expectOk())).containsExactly("Taylor, Elizabeth (Liz)");
        assertThat(names(run("client search liz.t@").expectOk())).containsExactly("Taylor, Elizabeth (Liz)");
        assertThat(names(run("client search EXAMPLE.ORG").expectOk())).containsExactly("Taylor, Elizabeth (Liz)");
        assertThat(names(run("client search lee.net").expectOk())).containsExactly("Lee, Ann");
    }

    @Test
    void searchFindsPhoneDigitsWhateverTheSpacing() {
        add("--first-name Zoë --last-name Łukasiewicz --phone \"+61 412 345 678\"");
        add("--first-name Ann --last-name Lee --phone \"(02) 9876-5432\"");

        for (String query : List.of("\"0412 345 678\"", "0412345678", "412-345-678", "\"+61 412 345 678\"",
                "\"345 678\"")) {
            assertThat(names(run("client search " + query).expectOk())).as(query).containsExactly("Łukasiewicz, Zoë");
        }
        assertThat(names(run("client search \"02 9876 5432\"").expectOk())).containsExactly("Lee, Ann");
        assertThat(names(run("client search 98765432").expectOk())).containsExactly("Lee, Ann");
        assertThat(run("client search \"0499 000 000\"").expectOk()).startsWith("No clients match");
    }

    @Test
    void searchFindsANumberInTheNationalAndInternationalFormsOfTheClinicsCountry() {
        run("clinic set --name Bodyworks --address \"1 Main St\" --phone \"02 9130 1234\" --country AU").expectOk();
        long ann = add("--first-name Ann --last-name Lee --phone \"0412 345 678\"");
        add("--first-name Zoë --last-name Łukasiewicz --phone \"+61 498 765 432\"");

        for (String query : List.of("\"+61 412 345 678\"", "+61412345678", "\"0061 412 345 678\"", "0412345678",
                "\"0412 345 678\"", "412345678")) {
            assertThat(names(run("client search " + query).expectOk())).as(query).containsExactly("Lee, Ann");
        }
        for (String query : List.of("\"0498 765 432\"", "0498765432", "498765432", "+61498765432")) {
            assertThat(names(run("client search " + query).expectOk())).as(query).containsExactly("Łukasiewicz, Zoë");
        }
        // The number stays as typed; its international form is kept beside it for searching.
        assertThat(row(ann)).containsEntry("phone", "0412 345 678").containsEntry("phone_e164", "+61412345678");
        assertThat(card(run("client show " + ann).expectOk())).containsEntry("Phone", "0412 345 678");
    }

    @Test
    void searchReadsNumbersInBritainAndTheUnitedStatesToo() {
        run("clinic set --name Bodyworks --address \"1 Main St\" --phone \"020 7946 0000\" --country gb").expectOk();
        add("--first-name Ann --last-name Lee --phone \"020 7946 0958\"");
        add("--first-name Bob --last-name Stone --phone \"+44 7700 900123\"");

        assertThat(names(run("client search \"+44 20 7946 0958\"").expectOk())).containsExactly("Lee, Ann");
        assertThat(names(run("client search 02079460958").expectOk())).containsExactly("Lee, Ann");
        assertThat(names(run("client search \"07700 900123\"").expectOk())).containsExactly("Stone, Bob");

        run("clinic set --country US").expectOk();
        long cy = add("--first-name Cy --last-name Young --phone \"(201) 555-0123\"");

        assertThat(names(run("client search \"+1 201 555 0123\"").expectOk())).containsExactly("Young, Cy");
        assertThat(names(run("client search \"1 201 555 0123\"").expectOk())).containsExactly("Young, Cy");
        assertThat(row(cy)).containsEntry("phone_e164", "+12015550123");
        // In the United States "020 7946 0958" is no number: it is found only by its digits now.
        assertThat(run("client search \"+44 20 7946 0958\"").expectOk()).startsWith("No clients match");
        assertThat(names(run("client search \"020 7946 0958\"").expectOk())).containsExactly("Lee, Ann");
    }

    @Test
    void settingTheClinicsCountryReadsEveryClientsNumberAgain() {
        run("clinic set --name Bodyworks --address \"1 Main St\" --phone \"02 9130 1234\"").expectOk();
        long ann = add("--first-name Ann --last-name Lee --phone \"0412 345 678\"");
        long archived = add("--first-name Mark --last-name Smith --phone \"0423 456 789\"");
        run("client archive " + archived).expectOk();
        Map<String, Object> before = row(ann);
        // Without a country, a number is matched by its digits only.
        assertThat(run("client search \"+61 412 345 678\"").expectOk()).startsWith("No clients match");
        assertThat(before).containsEntry("phone_e164", null);

        run("clinic set --country au").expectOk();

        assertThat(names(run("client search \"+61 412 345 678\"").expectOk())).containsExactly("Lee, Ann");
        assertThat(run("client search +61423456789").expectOk()).contains("1 archived client matches");
        assertThat(withoutColumns(row(ann), "phone_e164", "search_text", "version")).isEqualTo(withoutColumns(before,
                "phone_e164", "search_text", "version"));

        run("clinic set --country ''").expectOk();

        assertThat(row(ann)).containsEntry("phone_e164", null);
        assertThat(run("client search \"+61 412 345 678\"").expectOk()).startsWith("No clients match");
    }

    @Test
    void searchWithSeveralWordsNeedsAllOfThem() {
        add("--first-name Mary --last-name Smith");
        add("--first-name Mary --last-name Jones");
        add("--first-name John --last-name Smith");

        assertThat(names(run("client search mary smith").expectOk())).containsExactly("Smith, Mary");
        assertThat(names(run("client search \"smith mary\"").expectOk())).containsExactly("Smith, Mary");
        assertThat(names(runWords("client", "search", "Mary", "Jones").expectOk())).containsExactly("Jones, Mary");
        assertThat(names(run("client search smith").expectOk())).containsExactly("Smith, John", "Smith, Mary");
    }

    @Test
    void searchHidesArchivedClientsUnlessAsked() {
        add("--first-name Mary --last-name Smith");
        long archived = add("--first-name Mark --last-name Smith");
        run("client archive " + archived).expectOk();

        String active = run("client search smith").expectOk();
        assertThat(names(withoutHint(active))).containsExactly("Smith, Mary");
        assertThat(active).endsWith("1 archived client matches (use --archived)");
        String all = run("client search smith --archived").expectOk();
        assertThat(names(all)).containsExactly("Smith, Mark", "Smith, Mary");
        assertThat(rowOf(all, "Smith, Mark")).containsEntry("Status", "archived");
        Result onlyArchived = run("client search mark");
        assertThat(onlyArchived.status()).isEqualTo(Failure.OK);
        assertThat(onlyArchived.output()).startsWith("No clients match");
    }

    @Test
    void searchWithNoMatchSaysSoAndSucceeds() {
        add("--first-name Ann --last-name Lee");

        Result result = run("client search xyzzy");

        assertThat(result.status()).isEqualTo(Failure.OK);
        assertThat(result.error()).isNull();
        assertThat(result.output().strip()).isEqualTo("No clients match 'xyzzy'.");
    }

    @Test
    void searchTreatsLikeWildcardsAsText() {
        add("--first-name Ann --last-name Lee");
        add("--first-name Bob --last-name Brown");

        assertThat(run("client search %").expectOk()).startsWith("No clients match");
        assertThat(run("client search _").expectOk()).startsWith("No clients match");
        assertThat(run("client search a%e").expectOk()).startsWith("No clients match");
    }

    @Test
    void emptySearchIsAnError() {
        add("--first-name Ann --last-name Lee");

        for (String line : List.of("client search \"\"", "client search \"   \"", "client search")) {
            Result result = run(line);
            assertThat(result.status()).as(line).isEqualTo(Failure.USAGE);
            assertThat(result.error()).as(line).isNotBlank().doesNotContain("Unexpected");
            assertThat(result.output()).as(line).doesNotContain("Lee");
        }
    }

    // ---------------------------------------------------------------- client show

    @Test
    void showHasEveryField() {
        LocalDate today = LocalDate.now();
        long id = add("--first-name Elizabeth --last-name Taylor --preferred-name Liz --dob 1985-07-02"
                + " --phone \"0412 345 678\" --email liz@example.com --address \"12 Beach Rd, Bondi\""
                + " --emergency-contact \"Tom 0400 111 222\" --notes \"Prefers afternoons\"");

        Result result = run("client show " + id);

        assertThat(result.status()).isEqualTo(Failure.OK);
        Map<String, String> card = card(result.output());
        assertThat(card).containsEntry("Client", String.valueOf(id))
                .containsEntry("Name", "Elizabeth Taylor")
                .containsEntry("Preferred name", "Liz")
                .containsEntry("Date of birth", "1985-07-02 (" + age(LocalDate.of(1985, 7, 2), today) + ")")
                .containsEntry("Phone", "0412 345 678")
                .containsEntry("Email", "liz@example.com")
                .containsEntry("Address", "12 Beach Rd, Bondi")
                .containsEntry("Emergency contact", "Tom 0400 111 222")
                .containsEntry("Notes", "Prefers afternoons");
        assertThat(card).containsKeys("Last visit", "Added", "Updated");
        assertThat(card.get("Added")).startsWith(today.toString().substring(0, 4));
    }

    @Test
    void showOfUnknownIdIsNotFound() {
        Result result = run("client show 999");

        assertThat(result.status()).isEqualTo(Failure.NOT_FOUND);
        assertThat(result.error()).isEqualTo("No client with id 999");
        assertThat(result.output()).isBlank();
    }

    @Test
    void showWithANonNumericIdIsAUsageErrorNamingTheArgument() {
        Result result = run("client show abc");

        assertThat(result.status()).isEqualTo(Failure.USAGE);
        assertThat(result.error()).contains("CLIENT").contains("abc");
    }

    @Test
    void showWithoutAnIdIsAUsageErrorNamingTheArgument() {
        Result result = run("client show");

        assertThat(result.status()).isEqualTo(Failure.USAGE);
        assertThat(result.error()).contains("CLIENT");
    }

    @Test
    void showOfAnArchivedClientSaysItIsArchived() {
        long id = add("--first-name Ann --last-name Lee");
        run("client archive " + id).expectOk();

        assertThat(card(run("client show " + id).expectOk()).get("Client")).startsWith(id + " (archived");
    }

    // ---------------------------------------------------------------- client edit

    @Test
    void editChangesOnlyTheGivenFields() {
        long id = add("--first-name Elizabeth --last-name Taylor --preferred-name Liz --dob 1985-07-02"
                + " --phone \"0412 345 678\" --email liz@example.com --address \"12 Beach Rd\""
                + " --emergency-contact \"Tom 0400 111 222\" --notes \"Prefers afternoons\"");
        Map<String, Object> before = row(id);

        Result result = run("client edit " + id + " --phone \"0499 888 777\" --last-name Taylor-Brown");

        assertThat(result.status()).isEqualTo(Failure.OK);
        assertThat(result.output()).contains(String.valueOf(id));
        Map<String, Object> after = row(id);
        assertThat(after).containsEntry("phone", "0499 888 777").containsEntry("last_name", "Taylor-Brown");
        // Each change counts one more version (optimistic locking: a change read before it is refused).
        assertThat(((Number) after.get("version")).longValue()).isEqualTo(((Number) before.get("version")).longValue() + 1);
        assertThat(withoutColumns(after, "phone", "last_name", "search_text", "updated_at", "version"))
                .isEqualTo(withoutColumns(before, "phone", "last_name", "search_text", "updated_at", "version"));
        assertThat(names(run("client search 0499888777").expectOk())).containsExactly("Taylor-Brown, Elizabeth (Liz)");
        assertThat(run("client search 0412345678").expectOk()).startsWith("No clients match");
    }

    @Test
    void editEachOptionOnItsOwn() {
        Map<String, String> changes = Map.of(
                "first-name", "Beth", "last-name", "O'Neil", "preferred-name", "Bee", "dob", "1990-01-31",
                "phone", "+44 20 7946 0958", "email", "beth@example.co.uk", "address", "1 High St",
                "emergency-contact", "Jo", "notes", "Left shoulder");
        Map<String, String> columns = Map.of(
                "first-name", "first_name", "last-name", "last_name", "preferred-name", "preferred_name",
                "dob", "date_of_birth", "phone", "phone", "email", "email", "address", "address",
                "emergency-contact", "emergency_contact", "notes", "notes");
        for (var change : changes.entrySet()) {
            long id = add("--first-name Elizabeth --last-name Taylor --preferred-name Liz --dob 1985-07-02"
                    + " --phone 0412345678 --email liz@example.com --address \"12 Beach Rd\""
                    + " --emergency-contact Tom --notes None --allow-duplicate");
            Map<String, Object> before = row(id);
            String column = columns.get(change.getKey());

            runWords("client", "edit", String.valueOf(id), "--" + change.getKey(), change.getValue()).expectOk();

            Map<String, Object> after = row(id);
            assertThat(after.get(column)).as(change.getKey()).isEqualTo(change.getValue());
            assertThat(withoutColumns(after, column, "search_text", "updated_at", "version")).as(change.getKey())
                    .isEqualTo(withoutColumns(before, column, "search_text", "updated_at", "version"));
        }
    }

    @Test
    void emptyValueClearsAnOptionalField() {
        long id = add("--first-name Elizabeth --last-name Taylor --preferred-name Liz --dob 1985-07-02"
                + " --phone 0412345678 --email liz@example.com --address \"12 Beach Rd\""
                + " --emergency-contact Tom --notes \"Prefers afternoons\"");

        run("client edit " + id + " --preferred-name \"\" --dob \"\" --phone \"\" --email '' --address \"\""
                + " --emergency-contact \"\" --notes \"\"").expectOk();

        Map<String, Object> row = row(id);
        assertThat(row).containsEntry("first_name", "Elizabeth").containsEntry("last_name", "Taylor");
        for (String column : List.of("preferred_name", "date_of_birth", "phone", "email", "address",
                "emergency_contact", "notes")) {
            assertThat(row.get(column)).as(column).isNull();
        }
        assertThat(card(run("client show " + id).expectOk())).doesNotContainKeys("Phone", "Email", "Preferred name");
    }

    @Test
    void emptyValueForARequiredNameIsRefused() {
        long id = add("--first-name Ann --last-name Lee");
        Map<String, Object> before = row(id);

        Result result = run("client edit " + id + " --last-name \"\"");

        assertThat(result.status()).isEqualTo(Failure.USAGE);
        assertThat(result.error()).startsWith("--last-name");
        assertThat(row(id)).isEqualTo(before);
    }

    @Test
    void editWithoutOptionsIsAUsageError() {
        long id = add("--first-name Ann --last-name Lee");
        Map<String, Object> before = row(id);

        Result result = run("client edit " + id);

        assertThat(result.status()).isEqualTo(Failure.USAGE);
        assertThat(result.error()).isNotBlank();
        assertThat(row(id)).isEqualTo(before);
    }

    @Test
    void invalidValueInAnEditChangesNothing() {
        long id = add("--first-name Ann --last-name Lee --phone 0412345678 --dob 1980-01-01");
        Map<String, Object> before = row(id);

        for (String options : List.of("--phone \"0499 999 999\" --dob 2026-02-30",
                "--dob 1990-05-05 --email not-an-email", "--first-name Annie --phone letters",
                "--dob " + LocalDate.now().plusDays(1), "--frist-name Annie", "--phone 0499999999 --phone 0499999998",
                "--notes")) {
            Result result = run("client edit " + id + " " + options);
            assertThat(result.status()).as(options).isEqualTo(Failure.USAGE);
            assertThat(result.error()).as(options).isNotBlank();
            assertThat(row(id)).as(options).isEqualTo(before);
        }
        Result badDate = run("client edit " + id + " --dob 2026-02-30");
        assertThat(badDate.error()).isEqualTo("--dob: 2026-02-30 is not a valid date (use YYYY-MM-DD)");
    }

    @Test
    void editOfUnknownIdIsNotFound() {
        Result result = run("client edit 999 --phone 0412345678");

        assertThat(result.status()).isEqualTo(Failure.NOT_FOUND);
        assertThat(result.error()).isEqualTo("No client with id 999");
        assertThat(clientCount()).isZero();
    }

    @Test
    void editWithANonNumericIdIsAUsageError() {
        Result result = run("client edit ann --phone 0412345678");

        assertThat(result.status()).isEqualTo(Failure.USAGE);
        assertThat(result.error()).contains("CLIENT").contains("ann");
    }

    // ---------------------------------------------------------------- client archive / restore

    @Test
    void archiveKeepsTheRecordButHidesItAndRestoreBringsItBack() {
        long id = add("--first-name Ann --last-name Lee --phone 0412345678");
        add("--first-name Bob --last-name Brown");
        Map<String, Object> before = row(id);

        Result archived = run("client archive " + id);

        assertThat(archived.status()).isEqualTo(Failure.OK);
        assertThat(archived.output()).contains(String.valueOf(id)).contains("Ann Lee");
        assertThat(clientCount()).isEqualTo(2);
        assertThat(row(id).get("archived_at")).isNotNull();
        assertThat(withoutColumns(row(id), "archived_at", "updated_at", "version"))
                .isEqualTo(withoutColumns(before, "archived_at", "updated_at", "version"));
        assertThat(names(run("client list").expectOk())).containsExactly("Brown, Bob");
        assertThat(run("client search lee").expectOk()).startsWith("No clients match");
        assertThat(run("client search 0412345678").expectOk()).startsWith("No clients match");
        assertThat(run("client show " + id).expectOk()).contains("Ann Lee");

        Result restored = run("client restore " + id);

        assertThat(restored.status()).isEqualTo(Failure.OK);
        assertThat(restored.output()).contains(String.valueOf(id));
        assertThat(clientCount()).isEqualTo(2);
        assertThat(row(id).get("archived_at")).isNull();
        assertThat(names(run("client list").expectOk())).containsExactly("Brown, Bob", "Lee, Ann");
        assertThat(names(run("client search lee").expectOk())).containsExactly("Lee, Ann");
        assertThat(rowOf(run("client list --archived").expectOk(), "Lee, Ann")).containsEntry("Status", "active");
    }

    @Test
    void archivingTwiceAndRestoringAnActiveClientAreHarmless() {
        long id = add("--first-name Ann --last-name Lee");

        run("client archive " + id).expectOk();
        Object archivedAt = row(id).get("archived_at");
        run("client archive " + id).expectOk();
        assertThat(row(id).get("archived_at")).isEqualTo(archivedAt);

        run("client restore " + id).expectOk();
        run("client restore " + id).expectOk();
        assertThat(row(id).get("archived_at")).isNull();
        assertThat(clientCount()).isEqualTo(1);
    }

    @Test
    void archiveAndRestoreOfUnknownIdAreNotFound() {
        for (String command : List.of("client archive 999", "client restore 999")) {
            Result result = run(command);
            assertThat(result.status()).as(command).isEqualTo(Failure.NOT_FOUND);
            assertThat(result.error()).as(command).isEqualTo("No client with id 999");
        }
    }

    // ---------------------------------------------------------------- the name printed

    @Test
    void aPrintNameIsStoredShownAndFoundAndEditOrClearCanChangeIt() {
        long id = add("--first-name Anh --last-name Nguyen --print-name \"Nguyễn Thị Ánh\"");

        assertThat(row(id)).containsEntry("print_name", "Nguyễn Thị Ánh");
        assertThat(run("client show " + id).expectOk()).contains("Nguyễn Thị Ánh");
        assertThat(run("client search thi anh").expectOk()).contains("Nguyen");
        assertThat(run("client search Ánh").expectOk()).contains("Nguyen");

        run("client edit " + id + " --print-name \"Nguyễn Ánh\"").expectOk();
        assertThat(row(id)).containsEntry("print_name", "Nguyễn Ánh");
        run("client edit " + id + " --print-name \"\"").expectOk();
        assertThat(row(id).get("print_name")).isNull();
        assertThat(run("client search thi anh").output()).doesNotContain("Nguyen");
    }

    @Test
    void withoutAPrintNameTheNameTheClientUsesIsPrinted() {
        long liz = add("--first-name Elizabeth --last-name Taylor --preferred-name Liz");
        long sam = add("--first-name Sam --last-name Lee");

        assertThat(run("client show " + liz).expectOk()).containsPattern("Printed as:\\s+Liz Taylor");
        assertThat(run("client show " + sam).expectOk()).containsPattern("Printed as:\\s+Sam Lee");
    }

    @Test
    void aPrintNameThatIsTooLongOrHasControlCharactersIsRefused() {
        long id = add("--first-name Sam --last-name Lee");

        Result result = run("client edit " + id + " --print-name \"" + "x".repeat(300) + "\"");

        assertThat(result.status()).isEqualTo(Failure.USAGE);
        assertThat(result.error()).startsWith("--print-name:");
        assertThat(row(id).get("print_name")).isNull();
    }

    // ---------------------------------------------------------------- helpers

    private long add(String options) {
        return Long.parseLong(run("client add " + options).expectOk());
    }

    private Map<String, Object> row(long id) {
        return jdbc.sql("SELECT * FROM client WHERE id = ?").param(id).query().singleRow();
    }

    private int clientCount() {
        return jdbc.sql("SELECT count(*) FROM client").query(Integer.class).single();
    }

    private static Map<String, Object> withoutColumns(Map<String, Object> row, String... columns) {
        Map<String, Object> copy = new HashMap<>(row);
        Arrays.asList(columns).forEach(copy::remove);
        return copy;
    }

    /** Age in whole years, worked out independently of the code under test. */
    private static int age(LocalDate born, LocalDate today) {
        int years = today.getYear() - born.getYear();
        return MonthDay.from(today).isBefore(MonthDay.from(born)) ? years - 1 : years;
    }

    private static String headerLine(String table) {
        return table.lines().findFirst().orElseThrow();
    }

    private static List<String> dataLines(String table) {
        return table.lines().skip(2).toList();
    }

    /** Start columns of each header cell; headers are separated by at least two spaces. */
    private static int[] starts(String header) {
        return java.util.regex.Pattern.compile("\\S+( \\S+)*").matcher(header).results()
                .mapToInt(java.util.regex.MatchResult::start).toArray();
    }

    private static List<String> cellsOf(String table, String line) {
        int[] starts = starts(headerLine(table));
        List<String> cells = new java.util.ArrayList<>();
        for (int i = 0; i < starts.length; i++) {
            int from = Math.min(starts[i], line.length());
            int to = i + 1 < starts.length ? Math.min(starts[i + 1], line.length()) : line.length();
            cells.add(line.substring(from, to).strip());
        }
        return cells;
    }

    /** The row whose Name cell is {@code name}, as header to cell (names with Latin letters only line up by index). */
    private static Map<String, String> rowOf(String table, String name) {
        List<String> header = cellsOf(table, headerLine(table));
        List<Map<String, String>> matches = dataLines(table).stream().map(line -> {
            List<String> cells = cellsOf(table, line);
            Map<String, String> row = new java.util.LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), cells.get(i));
            }
            return row;
        }).filter(row -> name.equals(row.get("Name"))).toList();
        assertThat(matches).as("rows named " + name + " in\n" + table).hasSize(1);
        return matches.get(0);
    }

    /** The Name column of each row, top to bottom. */
    /** The search's table without the line after it that counts the archived clients it left out. */
    private static String withoutHint(String output) {
        return output.lines().filter(line -> !line.endsWith("(use --archived)")).reduce("", (a, b) -> a + b + "\n");
    }

    private static List<String> names(String table) {
        assertThat(headerLine(table)).as(table).startsWith("ID");
        return dataLines(table).stream().map(line -> line.replaceFirst("^\\d+\\s+", "").split(" {2,}")[0]).toList();
    }

    /** The label-value lines of {@code client show}: its first block, before other features' sections. */
    private static Map<String, String> card(String text) {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        for (String line : text.strip().split("\n\n")[0].lines().toList()) {
            int colon = line.indexOf(':');
            assertThat(colon).as(line).isPositive();
            fields.put(line.substring(0, colon), line.substring(colon + 1).strip());
        }
        return fields;
    }
}
