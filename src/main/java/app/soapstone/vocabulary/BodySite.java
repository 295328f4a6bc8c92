package app.soapstone.vocabulary;

/** A body site such as {@code calf-left}; {@code region} groups sides ({@code calf}). */
public record BodySite(String id, String label, String region) {
}
