package app.soapstone.billing;

import app.soapstone.validation.Fields;
import app.soapstone.validation.InvalidInputException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * An ICD-10-CM diagnosis code from {@code templates/billing/codes.yaml}, with the intake's cramp
 * sites and timings that suggest it ({@code anySite}: every cramp site does).
 */
public record DiagnosisCode(String code, String description, boolean anySite, List<String> sites,
        List<String> timings) {

    public DiagnosisCode {
        sites = List.copyOf(sites);
        timings = List.copyOf(timings);
    }

    /** Whether cramps at these sites, coming at this timing (null when not given), suggest this code. */
    public boolean suggestedFor(Collection<String> crampSites, String crampTiming) {
        return (anySite && !crampSites.isEmpty())
                || crampSites.stream().anyMatch(sites::contains)
                || (crampTiming != null && timings.contains(crampTiming));
    }

    /**
     * The codes typed for {@code --option} ("R25.2,M62.831", comma or space separated, case aside),
     * each one of the clinic's diagnosis codes, in the order given, a repeat dropped; an unknown one
     * is refused with the codes allowed.
     */
    public static List<String> parse(String option, String text, BillingCodes codes) {
        List<String> parsed = new ArrayList<>();
        for (String part : text.strip().split("[,\\s]+")) {
            String code = part.toUpperCase(Locale.ROOT);
            if (code.isEmpty() || parsed.contains(code)) {
                continue;
            }
            if (codes.diagnosis(code).isEmpty()) {
                throw InvalidInputException.forField(option, Fields.quote(part) + " is not one of the clinic's diagnosis"
                        + " codes; use " + codes.diagnoses().stream().map(DiagnosisCode::code)
                        .collect(Collectors.joining(", ")) + " (see billing codes)");
            }
            parsed.add(code);
        }
        if (parsed.isEmpty()) {
            throw InvalidInputException.forField(option, "give one or more diagnosis codes, e.g. "
                    + codes.diagnoses().getFirst().code());
        }
        return parsed;
    }
}
