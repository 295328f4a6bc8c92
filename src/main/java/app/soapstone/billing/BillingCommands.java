package app.soapstone.billing;

import app.soapstone.shell.Screen;
import app.soapstone.shell.Tables;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/** {@code billing codes}: the procedure and diagnosis codes the clinic's template holds. */
@Component
class BillingCommands {

    private final BillingCodes codes;
    private final Screen screen;

    BillingCommands(BillingCodes codes, Screen screen) {
        this.codes = codes;
        this.screen = screen;
    }

    @Command(name = "billing codes", group = "Billing",
            description = "List the procedure codes (with how their units are counted) and the diagnosis codes"
                    + " (with the cramp sites and timings that suggest each) from templates/billing/codes.yaml")
    String codes() {
        List<List<String>> procedures = codes.procedures().stream()
                .map(p -> List.of(p.code(), p.timed() ? "timed: 15 min, 8-minute rule" : "untimed: 1 a session",
                        p.description()))
                .toList();
        List<List<String>> diagnoses = codes.diagnoses().stream()
                .map(d -> List.of(d.code(), d.description(), suggestedBy(d)))
                .toList();
        return "Procedure codes\n" + Tables.render(List.of("Code", "Units", "Description"), procedures, screen.width())
                + "\n\nDiagnosis codes\n"
                + Tables.render(List.of("Code", "Description", "Suggested for"), diagnoses, screen.width());
    }

    private static String suggestedBy(DiagnosisCode code) {
        List<String> reasons = new ArrayList<>();
        if (code.anySite()) {
            reasons.add("any cramp site");
        }
        if (!code.sites().isEmpty()) {
            reasons.add("sites " + String.join(", ", code.sites()));
        }
        if (!code.timings().isEmpty()) {
            reasons.add("timing " + String.join(", ", code.timings()));
        }
        return String.join("; ", reasons);
    }
}
