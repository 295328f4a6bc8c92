package app.soapstone.billing;

import java.util.Collection;
import java.util.List;

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
}
