package app.soapstone.shell;

import app.soapstone.support.SoapstoneTest;
import app.soapstone.support.Tab;
import org.jline.reader.Candidate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static app.soapstone.support.Tab.values;
import static org.assertj.core.api.Assertions.assertThat;

/** TAB completion as JLine asks for it: a parsed line with the cursor at its end. */
@Tag(SoapstoneTest.POSTGRESQL)
class ShellCompleterTest extends SoapstoneTest {

    @Autowired
    private ShellCompleter completer;

    @Test
    void anEmptyPromptOffersTheFirstWordsWithoutFrameworkWording() {
        List<Candidate> candidates = tab("");

        assertThat(values(candidates)).contains("client", "session", "intake", "vocabulary", "backup")
                .doesNotContain("client list", "list");
        assertThat(candidates).allSatisfy(candidate -> assertThat(candidate.value() + candidate.displ()
                + candidate.descr()).doesNotContainIgnoringCase("spring"));
    }

    @Test
    void commandWordsAreDescribedByWhatFollowsThem() {
        assertThat(descriptionOf(tab("ba"), "backup")).startsWith("Copy the database to a file");
        assertThat(descriptionOf(tab("cl"), "client")).contains("add", "list", "show");
        assertThat(values(tab("client "))).contains("add", "list", "show", "archive");
        assertThat(values(tab("help client s"))).containsExactly("search", "show");
    }

    @Test
    void optionNamesAreOfferedOnceWithTheirDescriptions() {
        List<Candidate> candidates = tab("client add --first-name Ann --");

        assertThat(values(candidates)).contains("--last-name", "--dob").doesNotContain("--first-name");
        assertThat(descriptionOf(candidates, "--last-name")).isEqualTo("Family name (required)");
    }

    @Test
    void aClientIsFoundByTheStartOfANameAccentsAndCaseAside() {
        long zoe = client("Zoë", "Łukasiewicz");
        client("Ann", "Lee");

        for (String typed : List.of("zo", "ZOË", "luk", "Łuk")) {
            List<Candidate> candidates = tab("intake show --client " + typed);
            assertThat(values(candidates)).as(typed).containsExactly(Long.toString(zoe));
            assertThat(candidates.getFirst().displ()).isEqualTo(zoe + "  Zoë Łukasiewicz");
        }
        assertThat(values(tab("intake show --client " + zoe))).containsExactly(Long.toString(zoe));
    }

    @Test
    void clientIdArgumentsOfferCurrentClientsAndRestoreOffersArchivedOnes() {
        long ann = client("Ann", "Lee");
        long bob = client("Bob", "Ray");
        run("client archive " + bob).expectOk();

        assertThat(values(tab("client show "))).containsExactly(Long.toString(ann));
        assertThat(values(tab("client progress "))).containsExactly(Long.toString(ann));
        assertThat(values(tab("client restore "))).containsExactly(Long.toString(bob));
    }

    @Test
    void anIdCompletesTheOtherWayItCanBeGivenToo() {
        long zoe = client("Zoë", "Łukasiewicz");

        assertThat(values(tab("session list zo"))).containsExactly(Long.toString(zoe));
        assertThat(values(tab("intake show zo"))).containsExactly(Long.toString(zoe));
        assertThat(values(tab("client show --client zo"))).containsExactly(Long.toString(zoe));
        assertThat(values(tab("intake show --client " + zoe + " "))).doesNotContain(Long.toString(zoe));
    }

    @Test
    void aFormsQuestionCompletesTheValuesOfItsOptionUntilItIsAnswered() {
        try (ShellCompleter.Asking asking = completer.asking("intake new", "cramp-sites")) {
            assertThat(values(tab("calf-l"))).containsExactly("calf-left");
            assertThat(values(tab("calf-left,foot-r"))).containsExactly("calf-left,foot-right");
        }
        try (ShellCompleter.Asking asking = completer.asking("intake new", "conditions")) {
            assertThat(values(tab("diab"))).containsExactly("diabetes");
        }
        assertThat(values(tab("calf-l"))).isEmpty();
        assertThat(values(tab("clie"))).containsExactly("client");
    }

    @Test
    void sessionsAreThoseOfTheClientOnTheLineWithDateAndStatus() {
        practitioner("Sam Jones");
        long ann = client("Ann", "Lee");
        long bob = client("Bob", "Ray");
        long first = session(ann);
        long second = session(ann);
        long other = session(bob);
        run("session sign " + first).expectOk();

        List<Candidate> ofAnn = tab("plan preview --client " + ann + " --session ");
        assertThat(values(ofAnn)).containsExactly(Long.toString(second), Long.toString(first));
        assertThat(descriptionOf(ofAnn, Long.toString(first))).isEqualTo("signed");
        assertThat(descriptionOf(ofAnn, Long.toString(second))).isEqualTo("unsigned");
        assertThat(ofAnn.getFirst().displ()).matches(second + "  \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");

        assertThat(values(tab("plan preview " + ann + " --session "))).containsExactly(Long.toString(second),
                Long.toString(first));

        List<Candidate> any = tab("session show ");
        assertThat(values(any)).contains(Long.toString(first), Long.toString(other));
        assertThat(any).anySatisfy(c -> assertThat(c.displ()).startsWith(other + "  ").endsWith("Bob Ray"));
        assertThat(values(tab("session sign "))).containsExactlyInAnyOrder(Long.toString(second), Long.toString(other));
    }

    @Test
    void practitionersAreFoundByIdOrName() {
        long sam = practitioner("Sam Jones");
        practitioner("Kim Park");

        List<Candidate> candidates = tab("session new --practitioner jo");

        assertThat(values(candidates)).containsExactly(Long.toString(sam));
        assertThat(candidates.getFirst().displ()).isEqualTo(sam + "  Sam Jones");
        assertThat(candidates.getFirst().descr()).isEqualTo("RMT, default");
    }

    @Test
    void wordListsCompleteEachItemAfterTheLastCommaWithTheirMeanings() {
        List<Candidate> areas = tab("session new --areas calf-left,ham");

        assertThat(values(areas)).containsExactly("calf-left,hamstring-left", "calf-left,hamstring-right");
        assertThat(areas.getFirst().displ()).isEqualTo("hamstring-left");
        assertThat(areas.getFirst().descr()).isEqualTo("Left hamstring");
        assertThat(areas.getFirst().complete()).isFalse();
        assertThat(values(tab("intake new --cramp-sites calf-left,calf"))).containsExactly("calf-left,calf-right");
        assertThat(descriptionOf(tab("session new --modalities eff"), "effleurage"))
                .isEqualTo("Effleurage: Long gliding strokes");
        assertThat(values(tab("intake new --conditions diab"))).containsExactly("diabetes");
        assertThat(values(tab("intake new --red-flags one"))).contains("one-sided-calf-swelling");
        assertThat(values(tab("intake new --consent-explained "))).contains("all", "risks");
        assertThat(values(tab("session new --pressure "))).containsExactly("light", "moderate", "firm", "deep");
        assertThat(values(tab("intake new --cramp-timing "))).contains("night", "mixed");
        assertThat(values(tab("intake new --cramp-frequency-unit "))).contains("week", "month");
    }

    @Test
    void templatesByTheNameTemplateTakes() {
        List<Candidate> candidates = tab("session new --template ");

        assertThat(values(candidates)).contains("general", "nocturnal-calf-cramps", "foot-cramps");
        assertThat(descriptionOf(candidates, "general")).isEqualTo("General treatment");
    }

    @Test
    void stretchesCompleteEachItemWithTheirTitles() {
        List<Candidate> candidates = tab("plan preview --client 1 --stretches soleus-wall,gastro");

        assertThat(values(candidates)).containsExactly("soleus-wall,gastrocnemius-wall");
        assertThat(candidates.getFirst().descr()).isNotBlank();
        assertThat(values(tab("plan preview --stretches soleus-wall,"))).doesNotContain("soleus-wall,soleus-wall");
    }

    @Test
    void fixedValuesAreOfferedAsTheyAreTyped() {
        assertThat(values(tab("plan export --paper "))).containsExactly("a4", "letter");
        assertThat(values(tab("chart export --paper L"))).containsExactly("letter");
    }

    @Test
    void pathOptionsOfferFilesAndFoldersWithTildeForHome() throws IOException {
        Path home = DATA_DIR.resolve("home");
        Files.createDirectories(home.resolve("backups"));
        Files.writeString(home.resolve("backup-notes.txt"), "x");
        Files.writeString(home.resolve(".hidden"), "x");

        assertThat(values(tab("backup --to ~"))).containsExactly("~/");
        List<Candidate> candidates = tab("backup --to ~/back");
        assertThat(values(candidates)).containsExactly("~/backup-notes.txt", "~/backups/");
        assertThat(candidates).filteredOn(c -> c.value().endsWith("/")).allSatisfy(c -> assertThat(c.complete()).isFalse());
        assertThat(values(tab("restore --from ~/"))).doesNotContain("~/.hidden").contains("~/backups/");
        assertThat(values(tab("export --to " + home + "/backups"))).containsExactly(home + "/backups/");
    }

    @Test
    void vocabularyListCompletesTheKinds() {
        assertThat(values(tab("vocabulary list "))).contains("modalities", "sites", "conditions", "red-flags");
        assertThat(values(tab("vocabulary list red"))).containsExactly("red-flags");
    }

    /** A book in Sydney: 1 and 2 to come, 3 cancelled, 4 and 14 begun, 5 done, 6 to 13 to come before 1 and 2. */
    private void aBook() {
        run("clinic set --name Bodyworks --address \"1 Main St\" --phone \"02 9130 1234\" --time-zone Australia/Sydney")
                .expectOk();
        run("practitioner add --name \"Sam Ng\" --credentials RMT").expectOk();
        long zoe = Long.parseLong(run("client add --first-name Zoë --last-name Łukasiewicz").expectOk());
        long liz = Long.parseLong(run("client add --first-name Elizabeth --preferred-name Liz --last-name Taylor")
                .expectOk());
        run("appointment book --client " + zoe + " --at \"2099-12-01 14:30\"").expectOk();            // 1
        run("appointment book --client " + liz + " --at \"2099-11-30 09:00\"").expectOk();            // 2
        run("appointment book --client " + zoe + " --at \"2099-12-02 10:00\"").expectOk();            // 3: cancelled
        run("appointment cancel 3 --reason \"Away\"").expectOk();
        run("appointment book --client " + liz + " --at \"2020-01-06 10:00\"").expectOk();            // 4: begun
        run("appointment book --client " + liz + " --at \"2020-01-07 10:00\"").expectOk();            // 5: done
        run("appointment done 5").expectOk();
        for (int i = 0; i < 8; i++) {
            run("appointment book --client " + zoe + " --at \"2098-01-0" + (i + 1) + " 10:00\"").expectOk(); // 6..13
        }
        run("appointment book --client " + liz + " --at \"2020-01-08 10:00\"").expectOk();            // 14: begun
    }

    @Test
    void appointmentMoveAndCancelOfferBookedAppointmentsFromTodayOnSoonestFirst() {
        aBook();

        List<Candidate> candidates = tab("appointment move ");

        assertThat(values(candidates)).containsExactly("6", "7", "8", "9", "10", "11", "12", "13", "2", "1");
        assertThat(displayOf(candidates, "1")).isEqualTo("1  Tue 1 Dec 14:30 Zoë Ł. with Sam");
        assertThat(displayOf(candidates, "2")).isEqualTo("2  Mon 30 Nov 09:00 Liz T. with Sam");
        assertThat(values(tab("appointment cancel 1"))).containsExactly("10", "11", "12", "13", "1");
        assertThat(values(tab("appointment cancel --appointment 1"))).containsExactly("10", "11", "12", "13", "1");
    }

    @Test
    void appointmentDoneAndNoShowOfferThoseThatHaveBegunLatestFirst() {
        aBook();

        assertThat(values(tab("appointment done "))).containsExactly("14", "4");
        assertThat(values(tab("appointment no-show "))).containsExactly("14", "4");

        run("appointment no-show 4").expectOk();

        assertThat(values(tab("appointment done "))).containsExactly("14");
    }

    private List<Candidate> tab(String line) {
        return Tab.press(completer, line);
    }

    private static String displayOf(List<Candidate> candidates, String value) {
        return candidates.stream().filter(c -> c.value().equals(value)).findFirst().orElseThrow().displ();
    }

    private static String descriptionOf(List<Candidate> candidates, String value) {
        return candidates.stream().filter(c -> c.value().equals(value)).findFirst().orElseThrow().descr();
    }

    private long client(String first, String last) {
        return Long.parseLong(run("client add --first-name " + first + " --last-name " + last).expectOk().strip());
    }

    private long practitioner(String name) {
        return Long.parseLong(run("practitioner add --name \"" + name + "\" --credentials RMT").expectOk().strip());
    }

    private long session(long client) {
        List<String> lines = run("session new --client " + client + " --subjective x").expectOk().lines().toList();
        return Long.parseLong(lines.getLast().strip());
    }
}
