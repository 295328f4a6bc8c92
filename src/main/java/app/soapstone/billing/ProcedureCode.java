package app.soapstone.billing;

/**
 * A procedure code from {@code templates/billing/codes.yaml}: {@code timed} codes are counted in
 * 15-minute units by the {@link EightMinuteRule}, untimed ones as one unit a session.
 */
public record ProcedureCode(String code, String description, boolean timed) {
}
