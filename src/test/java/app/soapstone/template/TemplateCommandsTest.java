package app.soapstone.template;

import app.soapstone.careplan.CarePlanTemplates;
import app.soapstone.screening.ScreeningRules;
import app.soapstone.shell.Failure;
import app.soapstone.shell.Screen;
import app.soapstone.support.SoapstoneTest;
import app.soapstone.vocabulary.Vocabulary;
import org.jline.terminal.Terminal;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code template list}: every template in use, with "bundled" or the override file it came from. */
@Tag(SoapstoneTest.POSTGRESQL)
class TemplateCommandsTest extends SoapstoneTest {

    @TempDir
    Path overrides;

    @Test
    void listShowsEveryBundledTemplateAsBundled() throws Exception {
        Result result = run("template list");

        assertThat(result.status()).as(result.error()).isEqualTo(Failure.OK);
        Map<String, String> rows = rows(result.output());
        Map<String, String> expected = new TreeMap<>();
        bundledYamlFiles().forEach(file -> expected.put(file, "bundled"));
        assertThat(expected).containsKeys("careplan/plan.yaml", "careplan/self-massage.yaml",
                "careplan/stretches/gastrocnemius-wall.yaml", "careplan/stretches/seated-towel-calf.yaml");
        assertThat(rows).isEqualTo(expected);
        assertThat(List.copyOf(rows.keySet())).isSorted();
    }

    @Test
    void listShowsTheNameAnOptionTakesEachTemplateBy() {
        Map<String, String> uses = column(run("template list").expectOk(), 1);

        assertThat(uses).containsEntry("soap/general.yaml", "--template general")
                .containsEntry("soap/nocturnal-calf-cramps.yaml", "--template nocturnal-calf-cramps")
                .containsEntry("careplan/stretches/soleus-wall.yaml", "--stretches soleus-wall")
                .containsEntry("vocabulary/body-sites.yaml", "-");
        // Each name shown is one the option takes.
        assertThat(run("help session new").expectOk()).contains("--template");
    }

    @Test
    void listShowsTheOverrideFileForEachTemplateTheOverrideFolderHolds() throws IOException {
        Path changed = write("careplan/stretches/toe-stretch.yaml", bundledText("careplan/stretches/toe-stretch.yaml")
                .replace("title: Toe stretch", "title: Toe stretch on a towel"));
        Path added = write("careplan/stretches/chair-calf-raise.yaml",
                bundledText("careplan/stretches/seated-towel-calf.yaml")
                        .replace("title: Seated calf stretch with a towel", "title: Calf raises holding a chair"));
        TemplateFiles files = new TemplateFiles(overrides.toString());
        Vocabulary vocabulary = new Vocabulary(files);
        ScreeningRules screening = new ScreeningRules(files, vocabulary);
        CarePlanTemplates careplan = new CarePlanTemplates(files, vocabulary, screening);
        // Read on first use: nothing is read until the list asks each set to load.
        assertThat(files.used()).isEmpty();

        Map<String, String> rows = rows(new TemplateCommands(files, List.of(vocabulary, screening, careplan), screen()).list());

        assertThat(rows).containsEntry("careplan/stretches/toe-stretch.yaml", changed.toString())
                .containsEntry("careplan/stretches/chair-calf-raise.yaml", added.toString())
                .containsEntry("careplan/plan.yaml", "bundled")
                .containsEntry("careplan/stretches/soleus-wall.yaml", "bundled")
                .containsEntry("screening/red-flags.yaml", "bundled")
                .containsEntry("vocabulary/body-sites.yaml", "bundled");
        assertThat(rows.values()).filteredOn(v -> !v.equals("bundled")).containsExactlyInAnyOrder(changed.toString(),
                added.toString());
        // And the plan uses them.
        assertThat(careplan.stretches().get("toe-stretch").title()).isEqualTo("Toe stretch on a towel");
        assertThat(careplan.stretches().get("chair-calf-raise").title()).isEqualTo("Calf raises holding a chair");
        assertThat(careplan.stretches().get("soleus-wall").title()).isEqualTo("Lower calf stretch with bent knee");
    }

    // ---------------------------------------------------------------- helpers

    private static Screen screen() {
        return new Screen(new StaticListableBeanFactory().getBeanProvider(Terminal.class));
    }

    /** Template -> source, from the rows below the table's header and rule. */
    private static Map<String, String> rows(String table) {
        return column(table, 2);
    }

    /** Template -> the cell of {@code column} (0 the template, 1 "Use as", 2 the source). */
    private static Map<String, String> column(String table, int column) {
        List<String> lines = table.strip().lines().toList();
        assertThat(lines.get(0)).startsWith("Template").contains("Use as").contains("Source");
        Map<String, String> rows = new LinkedHashMap<>();
        for (String line : lines.subList(2, lines.size())) {
            String[] cells = line.strip().split(" {2,}");
            assertThat(cells).as(line).hasSize(3);
            assertThat(rows.put(cells[0], cells[column])).as(cells[0] + " listed once").isNull();
        }
        return rows;
    }

    private static List<String> bundledYamlFiles() throws IOException, URISyntaxException {
        URL folder = TemplateCommandsTest.class.getClassLoader().getResource("templates");
        assertThat(folder).isNotNull();
        Path root = Path.of(folder.toURI());
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".yaml"))
                    .map(f -> root.relativize(f).toString().replace('\\', '/')).sorted().toList();
        }
    }

    private Path write(String path, String text) throws IOException {
        Path file = overrides.resolve(path);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static String bundledText(String path) throws IOException {
        try (InputStream in = TemplateCommandsTest.class.getClassLoader().getResourceAsStream("templates/" + path)) {
            assertThat(in).as(path).isNotNull();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(text).as(path).isNotBlank();
            return text;
        }
    }
}
