package app.soapstone.careplan;

import app.soapstone.careplan.CarePlan.Group;
import app.soapstone.careplan.CarePlan.Letterhead;

import java.time.LocalDate;
import java.util.List;

/**
 * The one page printed instead of a care plan while an urgent referral is not cleared: why the
 * client must see a doctor today, what to tell the doctor, when to call an ambulance, and the
 * clinic's phone. No stretches and no self-massage.
 *
 * @param symptoms what the client told the therapist, in the checklist's words
 * @param tell     what to tell the doctor: symptoms, medicines, conditions, recent operations
 */
public record DoctorSheet(
        String title,
        LocalDate date,
        Letterhead letterhead,
        String clientName,
        String intro,
        List<String> symptoms,
        String why,
        String noHomeCare,
        String tellHeading,
        List<String> tell,
        Group emergency,
        String contact,
        List<String> adaptations) implements Handout {
}
