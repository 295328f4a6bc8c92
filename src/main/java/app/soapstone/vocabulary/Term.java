package app.soapstone.vocabulary;

/** One entry of a vocabulary: the id users type and the label people read. */
public record Term(String id, String label) {
}
