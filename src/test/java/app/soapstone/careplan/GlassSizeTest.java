package app.soapstone.careplan;

import app.soapstone.intake.Intake;
import app.soapstone.intake.Intake.Consent;
import app.soapstone.intake.Intake.CrampHistory;
import app.soapstone.intake.Intake.IntakeSite;
import app.soapstone.intake.Intake.Lifestyle;
import app.soapstone.intake.IntakeView;
import app.soapstone.screening.ScreeningRules;
import app.soapstone.template.InvalidTemplateException;
import app.soapstone.template.TemplateFiles;
import app.soapstone.vocabulary.DoseWords;
import app.soapstone.vocabulary.Vocabulary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.jdbc.core.mapping.AggregateReference;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 15: a glass is one template value, {@code glass-ml} in {@code vocabulary/measures.yaml},
 * for the intake and the care plan alike, so a clinic that changes it gets one answer everywhere.
 */
class GlassSizeTest {

    private static final String MEASURES = "vocabulary/measures.yaml";

    @TempDir
    Path overrides;

    @Test
    void theBundledGlassIs250MlOnTheIntakeAndThePlan() {
        Clinic bundled = new Clinic(new TemplateFiles(""));

        assertThat(bundled.intakeWater(8.0)).isEqualTo("8 glasses (about 2 L a day)");
        assertThat(bundled.planTarget(null)).isEqualTo("6-8 glasses (about 1.5-2 litres) of fluids a day");
        assertThat(bundled.planTarget(2.0)).isEqualTo("2 litres (about 8 glasses) of fluids a day");
    }

    @Test
    void aClinicsGlassChangesBothTheIntakeAndThePlan() throws IOException {
        write(MEASURES, bundledText(MEASURES).replace("glass-ml: 250", "glass-ml: 200"));
        Clinic clinic = new Clinic(new TemplateFiles(overrides.toString()));

        assertThat(clinic.intakeWater(8.0)).isEqualTo("8 glasses (about 1.6 L a day)");
        assertThat(clinic.planTarget(null)).isEqualTo("6-8 glasses (about 1.2-1.6 litres) of fluids a day");
        assertThat(clinic.planTarget(2.0)).isEqualTo("2 litres (about 10 glasses) of fluids a day");
    }

    @Test
    void aGlassLeftInAClinicsOlderPlanIsRefusedSayingWhereItWent() throws IOException {
        String plan = "careplan/plan.yaml";
        Path file = write(plan, bundledText(plan).replace("  target-glasses: 6-8\n",
                "  target-glasses: 6-8\n  target-litres: 1.5-2\n  glass-ml: 250\n"));

        assertThatThrownBy(() -> new Clinic(new TemplateFiles(overrides.toString())).planTarget(null))
                .isInstanceOf(InvalidTemplateException.class)
                .hasMessageContaining(file + " line ")
                .hasMessageContaining("glass-ml in vocabulary/measures.yaml");
    }

    /** The intake's view and the plan's composer on one set of templates, as the application wires them. */
    private static final class Clinic {

        private final IntakeView intakes;
        private final CarePlanComposer plans;

        Clinic(TemplateFiles files) {
            Vocabulary vocabulary = new Vocabulary(files);
            ScreeningRules rules = new ScreeningRules(files, vocabulary);
            CarePlanTemplates templates = new CarePlanTemplates(files, vocabulary, rules);
            this.intakes = new IntakeView(vocabulary, rules);
            this.plans = new CarePlanComposer(templates, new PlanRules(files, rules, templates), rules,
                    new DoseWords(files));
        }

        /** The Water line of {@code intake show} for a client who drinks {@code glasses} a day. */
        String intakeWater(double glasses) {
            Intake intake = new Intake(1L, AggregateReference.to(1L), 1, Profile.TODAY, Instant.now(), null,
                    new CrampHistory(3.0, "3 per week", 6, null, null, null, null, null),
                    List.of(new IntakeSite("calf-left")), List.of(), null, List.of(), List.of(), List.of(),
                    new Lifestyle(glasses, null, null, null, null, null), null,
                    new Consent(Profile.TODAY, "client"), List.of());
            return intakes.fields(intake).stream().filter(field -> field.get(0).equals("Water")).findFirst()
                    .orElseThrow().get(1);
        }

        /** The plan's daily water target, with the therapist's target in litres or without one. */
        String planTarget(Double litres) {
            Handout handout = plans.compose(Profile.client().inputs(), new PlanOptions(null, litres, null, null));
            return ((CarePlan) handout).hydration().target();
        }
    }

    private Path write(String path, String text) throws IOException {
        Path file = overrides.resolve(path);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static String bundledText(String path) throws IOException {
        try (InputStream in = GlassSizeTest.class.getClassLoader().getResourceAsStream("templates/" + path)) {
            assertThat(in).as(path).isNotNull();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(text).as(path).contains("glass");
            return text;
        }
    }
}
