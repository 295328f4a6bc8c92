package app.soapstone.session;

import app.soapstone.billing.BillingCodes;
import app.soapstone.billing.DiagnosisCode;
import app.soapstone.intake.Intake;
import app.soapstone.intake.IntakeService;
import app.soapstone.shell.OptionValues;
import app.soapstone.validation.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The clinic's diagnosis codes for TAB completion of {@code --diagnosis}, each after the last comma:
 * those the client's current intake suggests (its cramp sites and timing) first, marked suggested,
 * then the rest. The client is the {@code --client} on the line, or for {@code session edit} the
 * session's. Suggested, not chosen: the therapist picks.
 */
@Component
class DiagnosisCodeValues implements OptionValues {

    private final BillingCodes codes;
    private final IntakeService intakes;
    private final JdbcClient jdbc;

    DiagnosisCodeValues(BillingCodes codes, IntakeService intakes, JdbcClient jdbc) {
        this.codes = codes;
        this.intakes = intakes;
        this.jdbc = jdbc;
    }

    @Override
    public boolean serves(String command, String slot) {
        return slot.equals("diagnosis");
    }

    @Override
    public boolean list(String slot) {
        return true;
    }

    @Override
    public List<Value> values(Query query) {
        List<DiagnosisCode> suggested = client(query).flatMap(this::currentIntake)
                .map(intake -> codes.suggested(intake.siteIds(), intake.cramps() == null ? null : intake.cramps().timing()))
                .orElse(List.of());
        List<DiagnosisCode> ordered = new ArrayList<>(suggested);
        codes.diagnoses().stream().filter(code -> !suggested.contains(code)).forEach(ordered::add);
        String typed = query.typed().strip().toUpperCase(Locale.ROOT);
        return ordered.stream().filter(code -> code.code().startsWith(typed))
                .map(code -> Value.of(code.code(), (suggested.contains(code) ? "suggested: " : "") + code.description()))
                .toList();
    }

    private Optional<Intake> currentIntake(long client) {
        try {
            return intakes.current(client);
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /** The client on the line: {@code --client N}, or the client of the session {@code session edit N} changes. */
    private Optional<Long> client(Query query) {
        Optional<Long> given = query.option("client").map(String::strip).filter(id -> id.matches("\\d{1,18}"))
                .map(Long::parseLong);
        if (given.isPresent() || !query.command().equals("session edit")) {
            return given;
        }
        return query.words().stream().filter(word -> word.matches("\\d{1,18}")).findFirst()
                .flatMap(session -> jdbc.sql("SELECT client_id FROM session WHERE id = ?")
                        .param(Long.parseLong(session)).query(Long.class).optional());
    }
}
