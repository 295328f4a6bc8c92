package app.soapstone.billing;

import app.soapstone.validation.Fields;
import app.soapstone.validation.InvalidInputException;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The minutes a visit spent under each procedure code, in the order given ({@code 97124:40,97140:20}),
 * as a superbill needs them: the units billed come from them by the {@link EightMinuteRule}. Read
 * once from what was typed ({@link #parse}) or from what was stored ({@link #stored}), and stored as
 * {@link #text()}.
 */
public record ProcedureMinutes(Map<String, Integer> minutes) {

    /** The most minutes one code may have in a visit: a session is at most 600 minutes. */
    public static final int MAX_MINUTES = 600;

    public ProcedureMinutes {
        minutes = Collections.unmodifiableMap(new LinkedHashMap<>(minutes));
    }

    /**
     * Minutes by code as typed for {@code --option}, e.g. {@code 97124:40,97140:20}: each code one
     * of the clinic's procedure codes, given once, with whole minutes from 1 to {@link #MAX_MINUTES}.
     */
    public static ProcedureMinutes parse(String option, String text, BillingCodes codes) {
        Map<String, Integer> minutes = new LinkedHashMap<>();
        for (String part : text.strip().split("[,\\s]+")) {
            if (part.isEmpty()) {
                continue;
            }
            int colon = part.indexOf(':');
            String code = (colon < 0 ? part : part.substring(0, colon)).strip().toUpperCase(Locale.ROOT);
            if (codes.procedure(code).isEmpty()) {
                throw InvalidInputException.forField(option, Fields.quote(code) + " is not one of the clinic's procedure"
                        + " codes; use " + allowed(codes) + " (see billing codes)");
            }
            String given = colon < 0 ? "" : part.substring(colon + 1).strip();
            if (!given.matches("[0-9]{1,4}") || Integer.parseInt(given) < 1 || Integer.parseInt(given) > MAX_MINUTES) {
                throw InvalidInputException.forField(option, Fields.quote(part) + " needs the whole minutes spent under "
                        + code + ", 1-" + MAX_MINUTES + ", as CODE:MINUTES, e.g. " + code + ":30");
            }
            if (minutes.put(code, Integer.parseInt(given)) != null) {
                throw InvalidInputException.forField(option, code + " is given twice; give each code once with all"
                        + " its minutes");
            }
        }
        if (minutes.isEmpty()) {
            throw InvalidInputException.forField(option, "give minutes by code as CODE:MINUTES, e.g. "
                    + codes.procedures().getFirst().code() + ":30");
        }
        return new ProcedureMinutes(minutes);
    }

    /** As stored by {@link #text()}, or null for null: written by Soapstone, so read without checks. */
    public static ProcedureMinutes stored(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Map<String, Integer> minutes = new LinkedHashMap<>();
        for (String part : text.split(",")) {
            int colon = part.indexOf(':');
            minutes.put(part.substring(0, colon), Integer.parseInt(part.substring(colon + 1)));
        }
        return new ProcedureMinutes(minutes);
    }

    /** {@code 97124:40,97140:20}: how it is stored and typed. */
    public String text() {
        return minutes.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(","));
    }

    /** The minutes of all codes together. */
    public int total() {
        return minutes.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** "97124 40 min, 97140 20 min". */
    @Override
    public String toString() {
        return minutes.entrySet().stream().map(e -> e.getKey() + " " + e.getValue() + " min")
                .collect(Collectors.joining(", "));
    }

    private static String allowed(BillingCodes codes) {
        return codes.procedures().stream().map(ProcedureCode::code).collect(Collectors.joining(", "));
    }
}
