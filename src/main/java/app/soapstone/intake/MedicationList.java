package app.soapstone.intake;

import app.soapstone.intake.Intake.IntakeMedication;
import app.soapstone.validation.Fields;
import app.soapstone.validation.InvalidInputException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a medication list typed as "atorvastatin 20 mg daily; furosemide 40 mg": items separated
 * by semicolons (or new lines), each a name with an optional dose and frequency.
 */
final class MedicationList {

    static final int MAX_ITEMS = 60;
    private static final Set<String> UNITS = Set.of("mg", "mcg", "µg", "ug", "g", "ml", "units", "unit", "iu", "%",
            "puff", "puffs", "tablet", "tablets", "tab", "tabs", "capsule", "capsules", "drops", "mmol");

    private MedicationList() {
    }

    static List<IntakeMedication> parse(String option, String text) {
        List<IntakeMedication> medications = new ArrayList<>();
        // Checked whole first, as text of several lines (an item a line), so a refusal counts its characters from the start.
        for (String item : Fields.text(option, text, Integer.MAX_VALUE).split("[;\\n]")) {
            String description = item.strip();
            if (description.isEmpty()) {
                continue;
            }
            Fields.text(option, description, Fields.NAME_MAX * 2);
            medications.add(read(description));
        }
        if (medications.size() > MAX_ITEMS) {
            throw InvalidInputException.forField(option, "has " + medications.size() + " items (at most " + MAX_ITEMS + ")");
        }
        return medications;
    }

    static IntakeMedication read(String description) {
        List<String> words = Arrays.asList(description.split("\\s+"));
        int doseAt = 0;
        while (doseAt < words.size() && !Character.isDigit(words.get(doseAt).charAt(0))) {
            doseAt++;
        }
        if (doseAt == 0 || doseAt == words.size()) {
            return new IntakeMedication(description, description, null, null, null);
        }
        int doseEnd = doseAt + 1;
        if (doseEnd < words.size() && UNITS.contains(words.get(doseEnd).toLowerCase(Locale.ROOT))) {
            doseEnd++;
        }
        String frequency = doseEnd < words.size() ? String.join(" ", words.subList(doseEnd, words.size())) : null;
        return new IntakeMedication(description, String.join(" ", words.subList(0, doseAt)),
                String.join(" ", words.subList(doseAt, doseEnd)), frequency, null);
    }
}
