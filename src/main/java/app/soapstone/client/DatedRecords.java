package app.soapstone.client;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The dated records other features keep about a client - intakes, sessions - so that a date of
 * birth is never set after them, without clients knowing those features.
 */
public interface DatedRecords {

    /** The client's earliest dated record of this kind, if any. */
    Optional<DatedRecord> earliest(long clientId);

    /** A record's date and how a message names it: "the date of session 12", "the consent date of intake version 2". */
    record DatedRecord(LocalDate date, String what) {
    }
}
