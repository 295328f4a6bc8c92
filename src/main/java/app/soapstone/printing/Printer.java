package app.soapstone.printing;

/**
 * A printer that takes PDF documents, as {@code printer list} shows it.
 *
 * @param state what the system says about it ("idle", "not accepting jobs"...), or empty if nothing
 */
public record Printer(String name, boolean isDefault, String state) {
}
