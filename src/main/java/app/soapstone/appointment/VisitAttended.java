package app.soapstone.appointment;

import app.soapstone.session.Session;
import app.soapstone.session.SessionFollowUp;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** A session recorded marks the client's booked visit of that day done (see {@link AppointmentService#attendedBySession}). */
@Component
class VisitAttended implements SessionFollowUp {

    private final AppointmentService appointments;

    VisitAttended(AppointmentService appointments) {
        this.appointments = appointments;
    }

    @Override
    public Optional<String> recorded(Session session) {
        return appointments.attendedBySession(session.id(), session.client().getId(), session.practitioner().getId(),
                session.startedAt()).map(done -> "Appointment " + done.id() + " marked done.");
    }
}
