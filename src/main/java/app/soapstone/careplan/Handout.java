package app.soapstone.careplan;

import app.soapstone.careplan.CarePlan.Letterhead;

import java.time.LocalDate;
import java.util.List;

/**
 * What {@code plan export} prints for a client: a {@link CarePlan}, or a {@link DoctorSheet} in its
 * place while an urgent referral waits for a doctor. Both list the adaptations the screening made.
 */
public sealed interface Handout permits CarePlan, DoctorSheet {

    String title();

    LocalDate date();

    Letterhead letterhead();

    String clientName();

    /** What the screening changed, one line each, for the therapist (never printed for the client). */
    List<String> adaptations();
}
