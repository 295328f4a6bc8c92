package app.soapstone.appointment;

/** Where an appointment stands. Cancelled and missed ones stay in the book: nothing is deleted. */
public enum AppointmentStatus {
    BOOKED("booked"),
    CANCELLED("cancelled"),
    NO_SHOW("no-show"),
    DONE("done");

    private final String word;

    AppointmentStatus(String word) {
        this.word = word;
    }

    /** As the clinic says it: "no-show". */
    public String word() {
        return word;
    }
}
