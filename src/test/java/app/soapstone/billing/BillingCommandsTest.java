package app.soapstone.billing;

import app.soapstone.shell.Screen;
import app.soapstone.support.SoapstoneTest;
import app.soapstone.template.TemplateFiles;
import app.soapstone.vocabulary.Vocabulary;
import org.jline.terminal.Terminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code billing codes}: what the clinic's billing template holds, as the desk sees it. */
class BillingCommandsTest extends SoapstoneTest {

    @TempDir
    Path overrides;

    @Test
    void listsTheProcedureCodesWithTheirUnitsAndTheDiagnosisCodesWithWhatSuggestsThem() {
        String output = run("billing codes").expectOk();

        List<String> lines = output.lines().map(String::strip).toList();
        assertThat(lines.get(0)).isEqualTo("Procedure codes");
        assertThat(lines).anySatisfy(line -> assertThat(line).matches("97124 +timed: 15 min, 8-minute rule +Massage .*"))
                .anySatisfy(line -> assertThat(line).matches("97140 +timed: 15 min, 8-minute rule +Manual therapy .*"))
                .contains("Diagnosis codes")
                .anySatisfy(line -> assertThat(line).matches("R25\\.2 +Cramp and spasm +any cramp site"))
                .anySatisfy(line -> assertThat(line).matches("G47\\.62 +Sleep related leg cramps +timing night"))
                .anySatisfy(line -> assertThat(line).matches("M62\\.831 +Muscle spasm of calf +sites calf-left, calf-right"));
        assertThat(lines.indexOf("Diagnosis codes")).isGreaterThan(lines.indexOf("Procedure codes"));
    }

    @Test
    void theCommandIsInTheBillingGroupOfHelp() {
        String help = run("help").expectOk();

        assertThat(help.lines().map(String::strip).toList()).contains("Billing");
        assertThat(help).contains("billing codes");
    }

    @Test
    void aClinicsOwnFileIsWhatTheListShows() throws IOException {
        Path file = overrides.resolve(BillingCodes.FILE);
        Files.createDirectories(file.getParent());
        String bundled;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("templates/" + BillingCodes.FILE)) {
            bundled = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Files.writeString(file, bundled.replace("  - { code: \"97530\"",
                "  - { code: \"97010\", units: untimed, description: Hot or cold packs }\n  - { code: \"97530\""));
        TemplateFiles templates = new TemplateFiles(overrides.toString());
        Screen screen = new Screen(new StaticListableBeanFactory().getBeanProvider(Terminal.class));

        String output = new BillingCommands(new BillingCodes(templates, new Vocabulary(templates)), screen).codes();

        assertThat(output.lines().map(String::strip))
                .anySatisfy(line -> assertThat(line).matches("97010 +untimed: 1 a session +Hot or cold packs"));
        assertThat(templates.used()).containsEntry(BillingCodes.FILE, file.toString());
    }
}
