package app.soapstone.careplan;

import app.soapstone.client.ClientSection;
import app.soapstone.validation.DateTimes;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The care plans given to the client, in {@code client show}. */
@Component
@Order(30)
class CarePlanSection implements ClientSection {

    private static final DateTimeFormatter WHEN = DateTimes.MINUTE;

    private final CarePlanService plans;

    CarePlanSection(CarePlanService plans) {
        this.plans = plans;
    }

    @Override
    public Optional<String> render(long clientId) {
        List<CarePlanExport> exports = plans.exports(clientId);
        if (exports.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("Care plans given:\n" + exports.stream()
                .map(e -> "  " + WHEN.format(e.exportedAt().atZone(ZoneId.systemDefault())) + "  " + e.what()
                        + (e.hasFile() ? "  " + e.fileName() : "") + "  (SHA-256 " + e.sha256().substring(0, 12) + "...)"
                        + (e.adaptationLines().isEmpty() ? "" : "\n    adapted: " + String.join("\n    adapted: ",
                                e.adaptationLines())))
                .collect(Collectors.joining("\n")));
    }
}
