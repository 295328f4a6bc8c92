package app.soapstone.appointment;

import org.springframework.data.repository.Repository;

import java.util.Optional;

/** Appointments, written as aggregates; the book's views are read by {@link AppointmentQueries}. */
interface AppointmentRepository extends Repository<Appointment, Long> {

    Appointment save(Appointment appointment);

    Optional<Appointment> findById(Long id);
}
