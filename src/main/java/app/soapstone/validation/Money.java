package app.soapstone.validation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An exact amount of money in one currency: a {@link BigDecimal} at the currency's minor unit
 * (AUD 120.00, JPY 12000), never a double. Read once at the edge from what was typed ({@link #parse})
 * and written as "AUD 120.00": the code first, since "$" names many currencies.
 */
public record Money(BigDecimal amount, Currency currency) {

    /** The greatest amount a fee may be; more is taken for a typing slip, not a massage. */
    public static final BigDecimal MAX = new BigDecimal("1000000");

    private static final Pattern AMOUNT = Pattern.compile("[0-9]+(\\.[0-9]+)?");
    private static final Pattern RATE = Pattern.compile("[0-9]+(\\.[0-9]{1,3})?");
    private static final Pattern CODE = Pattern.compile("[A-Z]{3}");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public Money {
        amount = amount.setScale(currency.getDefaultFractionDigits(), RoundingMode.UNNECESSARY);
    }

    /**
     * An amount as typed ("120", "120.5", "120.00") in {@code currency}: no sign, no grouping, no more
     * decimals than the currency has, not above {@link #MAX}; a failure names {@code option}.
     */
    public static Money parse(String option, String text, Currency currency) {
        String typed = text == null ? "" : text.strip();
        int digits = currency.getDefaultFractionDigits();
        String allowed = "an amount such as " + example(currency) + " (digits" + (digits > 0 ? " and a point" : "")
                + ", no sign or commas)";
        if (!AMOUNT.matcher(typed).matches()) {
            throw InvalidInputException.forField(option, Fields.quote(typed) + " is not " + allowed);
        }
        BigDecimal amount = new BigDecimal(typed);
        if (amount.scale() > digits) {
            throw InvalidInputException.forField(option, typed + " has more decimals than " + currency.getCurrencyCode()
                    + " has (" + digits + "); give " + allowed);
        }
        if (amount.compareTo(MAX) > 0) {
            throw InvalidInputException.forField(option, typed + " is more than " + new Money(MAX, currency)
                    + ", the most a fee may be");
        }
        return new Money(amount, currency);
    }

    /** An amount in minor units (cents), as stored. */
    public static Money ofMinor(long minor, Currency currency) {
        return new Money(BigDecimal.valueOf(minor, currency.getDefaultFractionDigits()), currency);
    }

    /**
     * A currency by its ISO 4217 code ("AUD", "aud"); a failure names {@code option}. Codes with no
     * minor unit of their own (gold, test codes) are refused: nobody is paid in them.
     */
    public static Currency currency(String option, String code) {
        String typed = code.strip().toUpperCase(Locale.ROOT);
        if (CODE.matcher(typed).matches()) {
            try {
                Currency currency = Currency.getInstance(typed);
                if (currency.getDefaultFractionDigits() >= 0) {
                    return currency;
                }
            } catch (IllegalArgumentException e) {
                // Unknown: said below.
            }
        }
        throw InvalidInputException.forField(option, Fields.quote(code.strip())
                + " is not a currency: give its ISO 4217 code (AUD, CAD, GBP, NZD, USD, EUR...)");
    }

    /**
     * A tax rate in percent as typed ("13", "7.5", "8.875"): 0 to 100 with up to three decimals,
     * exact; a failure names {@code option}.
     */
    public static BigDecimal taxRate(String option, String text) {
        String typed = text.strip();
        if (!RATE.matcher(typed).matches() || new BigDecimal(typed).compareTo(HUNDRED) > 0) {
            throw InvalidInputException.forField(option, Fields.quote(typed)
                    + " is not a tax rate: give a percentage from 0 to 100 with up to 3 decimals, e.g. 13 or 8.875");
        }
        return new BigDecimal(typed).stripTrailingZeros();
    }

    /**
     * The tax on this amount at {@code ratePercent}: amount x rate / 100, rounded half up to the
     * currency's minor unit (AUD 0.005 becomes 0.01). Receipts add it per line.
     */
    public Money taxAt(BigDecimal ratePercent) {
        return new Money(amount.multiply(ratePercent).divide(HUNDRED, currency.getDefaultFractionDigits(),
                RoundingMode.HALF_UP), currency);
    }

    /** Nothing, in {@code currency}. */
    public static Money zero(Currency currency) {
        return ofMinor(0, currency);
    }

    /** This and {@code other}, which is in the same currency. */
    public Money plus(Money other) {
        return new Money(amount.add(same(other).amount), currency);
    }

    /** This less {@code other}, which is in the same currency; below zero if other is more. */
    public Money minus(Money other) {
        return new Money(amount.subtract(same(other).amount), currency);
    }

    /** Whether this is more than {@code other}, which is in the same currency. */
    public boolean isMoreThan(Money other) {
        return amount.compareTo(same(other).amount) > 0;
    }

    /** Whether this is more than nothing. */
    public boolean isPositive() {
        return amount.signum() > 0;
    }

    private Money same(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException(this + " and " + other + " are in different currencies");
        }
        return other;
    }

    /** The amount in minor units (cents), as stored. */
    public long minor() {
        return amount.movePointRight(currency.getDefaultFractionDigits()).longValueExact();
    }

    /** "AUD 120.00", "JPY 12000". */
    @Override
    public String toString() {
        return currency.getCurrencyCode() + " " + amount.toPlainString();
    }

    private static String example(Currency currency) {
        return currency.getDefaultFractionDigits() == 0 ? "12000" : "120.00";
    }
}
