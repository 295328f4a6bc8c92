package app.soapstone.vocabulary;

/** A treatment technique recorded in SOAP notes, with a one-line meaning. */
public record Modality(String id, String label, String meaning) {
}
