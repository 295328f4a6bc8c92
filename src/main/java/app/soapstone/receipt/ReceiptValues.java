package app.soapstone.receipt;

import app.soapstone.shell.OptionValues;
import app.soapstone.validation.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Currency;
import java.util.List;
import java.util.function.Predicate;

/**
 * Receipt numbers for TAB completion ("Receipt number" of the {@code receipt} commands), newest
 * first, each with its visit date, client and what is owing: {@code pay} offers receipts with a
 * balance, {@code refund} those with money paid on them, {@code void} those in force, the rest all.
 */
@Component
class ReceiptValues implements OptionValues {

    private static final int LIMIT = 30;

    private final JdbcClient jdbc;

    ReceiptValues(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A receipt as the list says it. */
    private record Line(long number, String visitDate, String client, Money total, Money paid, boolean isVoid) {

        Money owing() {
            return total.minus(paid);
        }
    }

    @Override
    public boolean serves(String command, String slot) {
        return slot.equals("receipt") && command.startsWith("receipt ");
    }

    @Override
    public List<Value> values(Query query) {
        Predicate<Line> takes = switch (query.command()) {
            case "receipt pay" -> line -> !line.isVoid() && line.owing().isPositive();
            case "receipt refund" -> line -> line.paid().isPositive();
            case "receipt void" -> line -> !line.isVoid();
            default -> line -> true;
        };
        return jdbc.sql("""
                        SELECT r.number, r.visit_date, r.client_name, r.total_minor, r.currency, v.id AS voided,
                               coalesce((SELECT sum(CASE WHEN p.kind IN ('payment', 'moved-in') THEN p.amount_minor
                                                         ELSE -p.amount_minor END)
                                         FROM receipt_payment p WHERE p.receipt_id = r.id), 0) AS paid
                        FROM receipt r LEFT JOIN receipt_void v ON v.receipt_id = r.id
                        WHERE CAST(r.number AS TEXT) LIKE ? || '%'
                        ORDER BY r.number DESC LIMIT ?""")
                .params(query.typed().strip(), LIMIT)
                .query((row, n) -> {
                    Currency currency = Currency.getInstance(row.getString("currency"));
                    row.getLong("voided");
                    boolean isVoid = !row.wasNull();
                    return new Line(row.getLong("number"), row.getString("visit_date"), row.getString("client_name"),
                            Money.ofMinor(row.getLong("total_minor"), currency),
                            Money.ofMinor(row.getLong("paid"), currency), isVoid);
                }).list().stream().filter(takes).map(line -> {
                    String number = Long.toString(line.number());
                    String state = line.isVoid() ? "void" : line.owing().isPositive() ? line.owing() + " owing" : "paid";
                    return new Value(number, number + "  " + line.visitDate() + " " + line.client(), state);
                }).toList();
    }
}
