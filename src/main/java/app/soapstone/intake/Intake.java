package app.soapstone.intake;

import app.soapstone.client.Client;
import app.soapstone.clinic.Practitioner;
import org.springframework.data.annotation.Id;
import org.springframework.data.jdbc.core.mapping.AggregateReference;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One dated version of a client's intake form: cramp history, health history, lifestyle and
 * consent. Versions are never changed once recorded; a review records a new version.
 */
@Table("intake")
public record Intake(
        @Id Long id,
        @Column("client_id") AggregateReference<Client, Long> client,
        int version,
        LocalDate takenOn,
        Instant recordedAt,
        @Column("practitioner_id") AggregateReference<Practitioner, Long> practitioner,
        @Embedded.Nullable(prefix = "cramp_") CrampHistory cramps,
        @MappedCollection(idColumn = "intake_id", keyColumn = "position") List<IntakeSite> sites,
        @MappedCollection(idColumn = "intake_id", keyColumn = "position") List<IntakeCondition> conditions,
        String otherConditions,
        @MappedCollection(idColumn = "intake_id", keyColumn = "position") List<IntakeRedFlag> redFlags,
        @MappedCollection(idColumn = "intake_id", keyColumn = "position") List<IntakeMedication> medications,
        @MappedCollection(idColumn = "intake_id", keyColumn = "position") List<IntakeSurgery> surgeries,
        @Embedded.Nullable Lifestyle lifestyle,
        String allergies,
        @Embedded.Nullable(prefix = "consent_") Consent consent,
        @MappedCollection(idColumn = "intake_id", keyColumn = "position") List<IntakeConsentElement> consentExplained) {

    /** How often, where, how bad, how long and when the client's cramps happen. */
    public record CrampHistory(Double frequencyPerWeek, String frequencyGiven, Integer severity, Double durationMinutes,
            String timing, Integer sleepDisturbance, String triggers, String since) {
    }

    /** Water, caffeine, alcohol, activity and work. {@code waterLitres} is what the client said, if in litres. */
    public record Lifestyle(Double waterGlasses, Double waterLitres, String caffeine, String alcohol, String activity,
            String occupation) {

        /**
         * The client's daily water in litres, from litres or from glasses of {@code glassMl}
         * (the vocabulary's glass, which the care plan counts in too).
         */
        public Double litresPerDay(int glassMl) {
            if (waterLitres != null) {
                return waterLitres;
            }
            return waterGlasses == null ? null : waterGlasses * (glassMl / 1000.0);
        }
    }

    /** Who consented to treatment and when. */
    public record Consent(LocalDate date, String givenBy) {
    }

    public record IntakeSite(String site) {
    }

    public record IntakeCondition(String condition) {
    }

    public record IntakeRedFlag(String redFlag) {
    }

    public record IntakeConsentElement(String element) {
    }

    /**
     * One medicine as written, with the name, dose and frequency read from it, and the catalogue
     * name the therapist confirmed it as when Soapstone did not recognise what was written (null:
     * recognised, or not confirmed).
     */
    public record IntakeMedication(String description, String name, String dose, String frequency,
            String confirmedAs) {

        /** The same medicine, confirmed as the catalogue's {@code name}. */
        IntakeMedication confirmedAs(String name) {
            return new IntakeMedication(description, this.name, dose, frequency, name);
        }

        /** For the therapist: "Lipiter 20 mg daily", or "Lipiter 20 mg daily (confirmed as Lipitor)". */
        public String shown() {
            return confirmedAs == null ? description : description + " (confirmed as " + confirmedAs + ")";
        }

        /** For the client, on a plan or a doctor sheet: "Lipiter 20 mg daily (Lipitor)". */
        public String named() {
            return confirmedAs == null ? description : description + " (" + confirmedAs + ")";
        }
    }

    /**
     * One past surgery as written; {@code performed} is a year, year-month or date
     * ({@code 2019}, {@code 2026-09}, {@code 2026-09-14}) and {@code side} left, right or both.
     */
    public record IntakeSurgery(String description, String performed, String side) {
    }

    public List<String> siteIds() {
        return sites.stream().map(IntakeSite::site).toList();
    }

    public List<String> conditionIds() {
        return conditions.stream().map(IntakeCondition::condition).toList();
    }

    public List<String> redFlagIds() {
        return redFlags.stream().map(IntakeRedFlag::redFlag).toList();
    }

    public List<String> consentElementIds() {
        return consentExplained.stream().map(IntakeConsentElement::element).toList();
    }
}
