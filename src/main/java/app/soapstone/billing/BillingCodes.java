package app.soapstone.billing;

import app.soapstone.template.TemplateFiles;
import app.soapstone.template.TemplateLines;
import app.soapstone.template.TemplateSet;
import app.soapstone.vocabulary.Vocabulary;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The clinic's billing codes from {@code templates/billing/codes.yaml}: the procedure codes with
 * how their units are counted, and the diagnosis codes offered for an intake's cramp sites and
 * timing. Read on first use and checked against the vocabulary, so a clinic's edited file with an
 * unknown site, a unit rule Soapstone does not know or a code given twice is refused by line.
 */
@Component
public class BillingCodes implements TemplateSet {

    static final String FILE = "billing/codes.yaml";
    /** CPT and HCPCS level II codes: five letters or digits (97124, G0283). */
    private static final Pattern PROCEDURE = Pattern.compile("[0-9A-Z][0-9]{3}[0-9A-Z]");
    /** ICD-10-CM: a letter, two characters, then up to four after a dot (R25.2, M62.831). */
    private static final Pattern DIAGNOSIS = Pattern.compile("[A-Z][0-9][0-9A-Z](\\.[0-9A-Z]{1,4})?");
    private static final String TIMED = "timed";
    private static final String UNTIMED = "untimed";

    private record Codes(Map<String, ProcedureCode> procedures, Map<String, DiagnosisCode> diagnoses) {
    }

    private final SingletonSupplier<Codes> codes;

    public BillingCodes(TemplateFiles templates, Vocabulary vocabulary) {
        this.codes = SingletonSupplier.of(() -> read(templates, vocabulary));
    }

    private static Codes read(TemplateFiles templates, Vocabulary vocabulary) {
        CodesFile file = templates.read(FILE, CodesFile.class);
        TemplateLines at = templates.lines(FILE);
        if (file.procedureCodes() == null || file.procedureCodes().isEmpty() || file.diagnosisCodes() == null
                || file.diagnosisCodes().isEmpty()) {
            throw at.error("", "needs procedure-codes and diagnosis-codes, each with at least one code");
        }
        Map<String, ProcedureCode> procedures = new LinkedHashMap<>();
        for (int i = 0; i < file.procedureCodes().size(); i++) {
            ProcedureEntry entry = file.procedureCodes().get(i);
            String where = "/procedure-codes/" + i;
            if (entry == null || entry.code() == null || entry.description() == null || entry.units() == null) {
                throw at.error(where, "each procedure code needs a code, a description and units");
            }
            if (!PROCEDURE.matcher(entry.code()).matches()) {
                throw at.error(where + "/code", "'" + entry.code() + "' is not a procedure code of five letters or digits"
                        + " (97124)");
            }
            if (!entry.units().equals(TIMED) && !entry.units().equals(UNTIMED)) {
                throw at.error(where + "/units", "units of " + entry.code() + " must be " + TIMED + " (15-minute units by"
                        + " the 8-minute rule) or " + UNTIMED + " (one a session), not '" + entry.units() + "'");
            }
            if (procedures.put(entry.code(), new ProcedureCode(entry.code(), entry.description().strip(),
                    entry.units().equals(TIMED))) != null) {
                throw at.error(where + "/code", "procedure code " + entry.code() + " is given twice");
            }
        }
        Set<String> sites = new HashSet<>(vocabulary.siteIds());
        Set<String> timings = new HashSet<>(vocabulary.crampTimings());
        Map<String, DiagnosisCode> diagnoses = new LinkedHashMap<>();
        for (int i = 0; i < file.diagnosisCodes().size(); i++) {
            DiagnosisEntry entry = file.diagnosisCodes().get(i);
            String where = "/diagnosis-codes/" + i;
            if (entry == null || entry.code() == null || entry.description() == null) {
                throw at.error(where, "each diagnosis code needs a code and a description");
            }
            if (!DIAGNOSIS.matcher(entry.code()).matches()) {
                throw at.error(where + "/code", "'" + entry.code() + "' is not an ICD-10-CM code (R25.2, M62.831)");
            }
            List<String> itsSites = known(at, where + "/sites", entry.code(), "cramp site", entry.sites(), sites);
            List<String> itsTimings = known(at, where + "/timings", entry.code(), "cramp timing", entry.timings(), timings);
            boolean anySite = Boolean.TRUE.equals(entry.anySite());
            if (!anySite && itsSites.isEmpty() && itsTimings.isEmpty()) {
                throw at.error(where, "diagnosis code " + entry.code() + " needs sites, timings or any-site: true"
                        + " (what in an intake suggests it)");
            }
            if (diagnoses.put(entry.code(), new DiagnosisCode(entry.code(), entry.description().strip(), anySite,
                    itsSites, itsTimings)) != null) {
                throw at.error(where + "/code", "diagnosis code " + entry.code() + " is given twice");
            }
        }
        // Unmodifiable views, not Map.copyOf: listings keep the file's order.
        return new Codes(Collections.unmodifiableMap(procedures), Collections.unmodifiableMap(diagnoses));
    }

    /** The ids given, each checked against the vocabulary's. */
    private static List<String> known(TemplateLines at, String where, String code, String what, List<String> given,
            Set<String> ids) {
        List<String> checked = new ArrayList<>();
        for (int i = 0; given != null && i < given.size(); i++) {
            if (!ids.contains(given.get(i))) {
                throw at.error(where + "/" + i, code + " names the " + what + " '" + given.get(i)
                        + "', which the vocabulary does not have (" + String.join(", ", ids.stream().sorted().toList()) + ")");
            }
            checked.add(given.get(i));
        }
        return checked;
    }

    /** Reads the file now if it has not been read yet (a broken override fails here). */
    @Override
    public void load() {
        codes.obtain();
    }

    /** The procedure codes, in file order. */
    public List<ProcedureCode> procedures() {
        return List.copyOf(codes.obtain().procedures().values());
    }

    /** The diagnosis codes, in file order. */
    public List<DiagnosisCode> diagnoses() {
        return List.copyOf(codes.obtain().diagnoses().values());
    }

    public Optional<ProcedureCode> procedure(String code) {
        return Optional.ofNullable(codes.obtain().procedures().get(code));
    }

    public Optional<DiagnosisCode> diagnosis(String code) {
        return Optional.ofNullable(codes.obtain().diagnoses().get(code));
    }

    /**
     * The diagnosis codes to offer for cramps at {@code crampSites} (body-site ids) coming at
     * {@code crampTiming} (a cramp-timing id, or null when the intake gives none), in file order.
     * They are suggestions for the therapist to confirm.
     */
    public List<DiagnosisCode> suggested(Collection<String> crampSites, String crampTiming) {
        return diagnoses().stream().filter(code -> code.suggestedFor(crampSites, crampTiming)).toList();
    }

    record CodesFile(List<ProcedureEntry> procedureCodes, List<DiagnosisEntry> diagnosisCodes) {
    }

    /** A procedure code as written: {@code units} is {@code timed} or {@code untimed}. */
    record ProcedureEntry(String code, String description, String units) {
    }

    record DiagnosisEntry(String code, String description, Boolean anySite, List<String> sites, List<String> timings) {
    }
}
