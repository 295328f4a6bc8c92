package app.soapstone.session;

import app.soapstone.support.SoapstoneTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link SessionService#latestHomeMassageMinutes}, for a care plan not tied to a session: the value
 * on the client's most recent session (by start, then id), or nothing if that session has none -
 * never an older session's number.
 */
@Tag(SoapstoneTest.POSTGRESQL)
class LatestHomeMassageMinutesTest extends SoapstoneTest {


    @Autowired
    private SessionService sessions;

    private long ann;
    private long ben;

    @BeforeEach
    void twoClients() {
        run("practitioner add --name \"Sam Jones\" --credentials RMT").expectOk();
        ann = Long.parseLong(run("client add --first-name Ann --last-name Lee").expectOk());
        ben = Long.parseLong(run("client add --first-name Ben --last-name Ng").expectOk());
    }

    @Test
    void aClientWithoutSessionsHasNone() {
        assertThat(sessions.latestHomeMassageMinutes(ann)).isEmpty();
    }

    @Test
    void theMostRecentSessionByItsStartDecidesNotTheOrderOfEntry() {
        session(ann, 3, "10:00", "--home-massage-minutes 10");
        // Entered later, for an earlier visit.
        session(ann, 5, "10:00", "--home-massage-minutes 20");
        // Another client's more recent session.
        session(ben, 1, "10:00", "--home-massage-minutes 30");

        assertThat(sessions.latestHomeMassageMinutes(ann)).contains(10);
        assertThat(sessions.latestHomeMassageMinutes(ben)).contains(30);
    }

    @Test
    void sessionsStartingAtTheSameTimeAreOrderedById() {
        session(ann, 3, "10:00", "--home-massage-minutes 10");
        session(ann, 3, "10:00", "--home-massage-minutes 15");

        assertThat(sessions.latestHomeMassageMinutes(ann)).contains(15);
    }

    @Test
    void whenTheMostRecentSessionSuggestsNoneThereIsNone() {
        session(ann, 3, "10:00", "--home-massage-minutes 10");
        long latest = session(ann, 2, "09:00", "");

        assertThat(sessions.latestHomeMassageMinutes(ann)).isEmpty();

        run("session edit " + latest + " --home-massage-minutes 5").expectOk();
        assertThat(sessions.latestHomeMassageMinutes(ann)).contains(5);
    }

    /** A draft session {@code daysAgo} at {@code time}, with the extra options, and its id. */
    private long session(long client, int daysAgo, String time, String options) {
        List<String> lines = run("session new --client " + client + " --date " + TODAY.minusDays(daysAgo) + " --time "
                + time + " --subjective x " + options).expectOk().lines().toList();
        return Long.parseLong(lines.getLast().strip());
    }
}
