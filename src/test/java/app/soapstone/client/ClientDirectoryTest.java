package app.soapstone.client;

import app.soapstone.support.SoapstoneTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link ClientRepository} and {@link ClientDirectory} against the real SQLite database. */
@Tag(SoapstoneTest.POSTGRESQL)
class ClientDirectoryTest extends SoapstoneTest {

    private static final Instant CREATED = Instant.parse("2026-01-02T03:04:05.678Z");

    @Autowired
    ClientRepository repository;

    @Autowired
    ClientDirectory directory;

    private Client save(String first, String last, String email, String phone) {
        return repository.save(new Client(null, first, last, null, null, null, phone, null, email, null, null, null, null, null,
                CREATED, CREATED, null));
    }

    private Client saveArchived(String first, String last) {
        return repository.save(new Client(null, first, last, null, null, null, null, null, null, null, null, null, null,
                CREATED.plusSeconds(60), CREATED, CREATED, null));
    }

    @Test
    void aClientReadBeforeSomeoneElsesChangeIsNotSavedOverIt() {
        Client read = save("Ann", "Lee", null, null);
        run("client edit " + read.id() + " --notes \"Prefers mornings\"").expectOk();

        Client stale = new Client(read.id(), read.firstName(), read.lastName(), read.preferredName(), read.printName(),
                read.dateOfBirth(), read.phone(), read.phoneE164(), read.email(), read.address(), read.emergencyContact(),
                "Written over", null, read.archivedAt(), read.createdAt(), read.updatedAt(), read.version());

        assertThatThrownBy(() -> repository.save(stale)).isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(repository.findById(read.id()).orElseThrow().notes()).isEqualTo("Prefers mornings");
    }

    private static List<String> lastNames(List<ClientSummary> clients) {
        return clients.stream().map(ClientSummary::lastName).toList();
    }

    @Test
    void repositoryRoundTripsEveryField() {
        Client saved = repository.save(new Client(null, "Zoë", "Łukasiewicz", "Zo", null, LocalDate.of(1958, 3, 14),
                "+61 412 345 678", "+61412345678", "zoe@example.com", "1 Main St\nSpringfield", "Piotr 0412 000 111",
                "Prefers firm pressure", null, null, CREATED, CREATED.plusSeconds(5), null));
        assertThat(saved.id()).isNotNull().isPositive();

        Client loaded = repository.findById(saved.id()).orElseThrow();
        assertThat(loaded).isEqualTo(saved);
        assertThat(loaded.archived()).isFalse();
        assertThat(jdbc.sql("SELECT search_text FROM client WHERE id = ?").param(saved.id()).query(String.class).single())
                .isEqualTo(SearchText.of("Zoë", "Łukasiewicz", "Zo", null, "zoe@example.com", "+61 412 345 678", "+61412345678"));
    }

    @Test
    void idsAreNeverReused() {
        long first = save("Anna", "Smith", null, null).id();
        jdbc.sql("DELETE FROM client WHERE id = ?").param(first).update();
        long second = save("Ben", "Jones", null, null).id();
        assertThat(second).isGreaterThan(first);
    }

    @Test
    void findByIdOfMissingClientIsEmpty() {
        assertThat(repository.findById(987_654L)).isEmpty();
    }

    @Test
    void searchIgnoresCaseAndAccents() {
        save("Zoë", "Łukasiewicz", null, null);
        save("Anna", "Иванова", null, null);
        save("Ben", "Jones", null, null);
        assertThat(lastNames(directory.search("zoe", false))).containsExactly("Łukasiewicz");
        assertThat(lastNames(directory.search("LUKASIEWICZ", false))).containsExactly("Łukasiewicz");
        assertThat(lastNames(directory.search("ЗОЯ", false))).isEmpty();
        assertThat(lastNames(directory.search("иванова", false))).containsExactly("Иванова");
        assertThat(lastNames(directory.search("ИВАН", false))).containsExactly("Иванова");
    }

    @Test
    void searchNeedsEveryWord() {
        save("Anna", "Smith", null, null);
        save("Anna", "Jones", null, null);
        assertThat(lastNames(directory.search("anna smith", false))).containsExactly("Smith");
        assertThat(lastNames(directory.search("smith anna", false))).containsExactly("Smith");
        assertThat(lastNames(directory.search("anna", false))).containsExactlyInAnyOrder("Smith", "Jones");
    }

    @Test
    void searchFindsPhoneNumbersWrittenEitherWay() {
        save("Zoë", "Łukasiewicz", null, "+61 412 345 678");
        save("Ben", "Jones", null, "(03) 9123 4567");
        assertThat(lastNames(directory.search("0412 345 678", false))).containsExactly("Łukasiewicz");
        assertThat(lastNames(directory.search("0412-345", false))).containsExactly("Łukasiewicz");
        assertThat(lastNames(directory.search("9123 4567", false))).containsExactly("Jones");
    }

    @Test
    void searchFindsEmail() {
        save("Zoë", "Łukasiewicz", "Zoe.L@Example.com", null);
        save("Ben", "Jones", "ben@example.org", null);
        assertThat(lastNames(directory.search("zoe.l@example", false))).containsExactly("Łukasiewicz");
        assertThat(lastNames(directory.search("example.org", false))).containsExactly("Jones");
    }

    @Test
    void likeWildcardsInTheQueryAreMatchedLiterally() {
        save("Anna", "Smith", "anna_s@example.com", null);
        save("Ben", "Jones", "benxs@example.com", null);
        assertThat(directory.search("%", false)).isEmpty();
        assertThat(directory.search("_", false)).hasSize(1);
        assertThat(lastNames(directory.search("a_s", false))).containsExactly("Smith");
        assertThat(lastNames(directory.search("n_s", false))).isEmpty();
        assertThat(directory.search("\\", false)).isEmpty();
    }

    @Test
    void sqlInTheQueryIsJustText() {
        save("Robert'); DROP TABLE client;--", "Tables", null, null);
        save("Anna", "Smith", null, null);
        assertThat(lastNames(directory.search("Robert'); DROP TABLE client;--", false))).containsExactly("Tables");
        assertThat(lastNames(directory.search("' OR '1'='1", false))).isEmpty();
        assertThat(directory.list(true)).hasSize(2);
    }

    @Test
    void archivedClientsAreLeftOutUnlessAskedFor() {
        save("Anna", "Smith", null, null);
        saveArchived("Anna", "Archer");
        assertThat(lastNames(directory.list(false))).containsExactly("Smith");
        assertThat(lastNames(directory.search("anna", false))).containsExactly("Smith");
        List<ClientSummary> all = directory.list(true);
        assertThat(lastNames(all)).containsExactly("Archer", "Smith");
        assertThat(all.get(0).archived()).isTrue();
        assertThat(all.get(1).archived()).isFalse();
        assertThat(lastNames(directory.search("anna", true))).containsExactly("Archer", "Smith");
    }

    @Test
    void listIsSortedByLastNameThenFirstNameWithCaseAndAccentsAside() {
        save("Zed", "Zimmer", null, null);
        save("Zoë", "Łukasiewicz", null, null);
        save("Mia", "Mills", null, null);
        save("Li", "Lee", null, null);
        save("Ana", "Ávila", null, null);
        save("Dan", "de Souza", null, null);
        save("Dee", "Dawson", null, null);
        save("Ola", "Øberg", null, null);
        save("Pia", "Olsen", null, null);
        save("Bea", "Abbott", null, null);
        save("Amy", "Abbott", null, null);
        assertThat(directory.list(false)).extracting(c -> c.lastName() + ", " + c.firstName()).containsExactly(
                "Abbott, Amy", "Abbott, Bea", "Ávila, Ana", "Dawson, Dee", "de Souza, Dan", "Lee, Li",
                "Łukasiewicz, Zoë", "Mills, Mia", "Øberg, Ola", "Olsen, Pia", "Zimmer, Zed");
    }

    @Test
    void summaryCarriesTheListedFields() {
        Client saved = repository.save(new Client(null, "Elizabeth", "Taylor", "Liz", null, LocalDate.of(1932, 2, 27),
                "0412 345 678", null, "liz@example.com", null, null, null, null, null, CREATED, CREATED, null));
        ClientSummary summary = directory.list(false).get(0);
        assertThat(summary.id()).isEqualTo(saved.id());
        assertThat(summary.displayName()).isEqualTo("Elizabeth (Liz) Taylor");
        assertThat(summary.dateOfBirth()).isEqualTo(LocalDate.of(1932, 2, 27));
        assertThat(summary.ageOn(LocalDate.of(2026, 2, 26))).isEqualTo(93);
        assertThat(summary.ageOn(LocalDate.of(2026, 2, 27))).isEqualTo(94);
        assertThat(summary.phone()).isEqualTo("0412 345 678");
        assertThat(summary.email()).isEqualTo("liz@example.com");
        assertThat(summary.lastVisit()).isNull();
        assertThat(summary.archived()).isFalse();
    }

    // The schema itself refuses anything but an ISO calendar date, even text date() cannot read.
    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30", "2025-02-29", "1958-03-14T00:00", "1958-03-14 10:00", "14/03/1958", "yesterday"})
    void databaseRefusesADateOfBirthThatIsNotAnIsoCalendarDate(String dateOfBirth) {
        assertThatThrownBy(() -> insertRaw(dateOfBirth)).hasMessageContaining(ON_POSTGRES
                ? "violates check constraint \"client_date_of_birth_check\"" : "CHECK constraint failed");
        assertThat(directory.list(true)).isEmpty();
    }

    @Test
    void databaseAcceptsAnIsoDateOfBirth() {
        insertRaw("2024-02-29");
        assertThat(directory.list(true)).singleElement()
                .satisfies(c -> assertThat(c.dateOfBirth()).isEqualTo(LocalDate.of(2024, 2, 29)));
    }

    private void insertRaw(String dateOfBirth) {
        jdbc.sql("""
                INSERT INTO client (first_name, last_name, date_of_birth, search_text, created_at, updated_at)
                VALUES ('A', 'B', ?, 'a b', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')""")
                .param(dateOfBirth).update();
    }
}
