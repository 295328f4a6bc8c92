package app.soapstone.intake;

import app.soapstone.client.ClientSection;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** The current intake and its screening in {@code client show}. */
@Component
@Order(10)
class IntakeSection implements ClientSection {

    private final IntakeService intakes;
    private final IntakeView view;

    IntakeSection(IntakeService intakes, IntakeView view) {
        this.intakes = intakes;
        this.view = view;
    }

    @Override
    public Optional<String> render(long clientId) {
        return Optional.of(intakes.screening(clientId)
                .map(screened -> view.summary(screened.intake()) + "\n\n" + view.screening(screened))
                .orElse("No intake yet (intake new --client " + clientId + ")"));
    }
}
