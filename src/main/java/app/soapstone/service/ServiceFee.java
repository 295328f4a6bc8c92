package app.soapstone.service;

import app.soapstone.validation.Fields;
import app.soapstone.validation.InvalidInputException;
import app.soapstone.validation.Money;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Optional;

/**
 * What a service costs: its price in the clinic's currency and the tax charged on it (a rate in
 * percent and the tax's name, "HST 13%"), each null when not set. Tax goes with a price, and a rate
 * with a name.
 */
public record ServiceFee(Money price, BigDecimal taxRate, String taxName) {

    static final ServiceFee NONE = new ServiceFee(null, null, null);
    /** A tax's name is a word or two ("HST", "GST", "Sales tax"). */
    static final int TAX_NAME_MAX = 30;

    /** Whether a price is set. */
    public boolean priced() {
        return price != null;
    }

    /** The tax on the price, rounded as {@link Money#taxAt} says; zero when no tax is charged. */
    public Money tax() {
        return price.taxAt(taxRate == null ? BigDecimal.ZERO : taxRate);
    }

    /** "HST 13%", or "" when no tax is charged. */
    public String taxLabel() {
        return taxRate == null ? "" : taxName + " " + taxRate.toPlainString() + "%";
    }

    /** "AUD 120.00 + HST 13%", "AUD 120.00", or "no price". */
    @Override
    public String toString() {
        return price == null ? "no price" : price + (taxRate == null ? "" : " + " + taxLabel());
    }

    /**
     * This fee with the options as typed: null leaves a part as it was, '' clears it ({@code --tax-rate}
     * '' or 0 clears the tax; clearing the price clears its tax too). A price is read in the clinic's
     * {@code currency}, which must be set.
     */
    ServiceFee changed(String typedPrice, String typedRate, String typedName, Optional<Currency> currency) {
        Money newPrice = price;
        BigDecimal newRate = taxRate;
        String newName = taxName;
        if (typedPrice != null) {
            newPrice = typedPrice.isBlank() ? null : Money.parse("price", typedPrice, currency.orElseThrow(() ->
                    InvalidInputException.forField("price", "the clinic has no currency yet: set it first with"
                            + " clinic set --currency CODE (AUD, CAD, USD...)")));
        }
        if (typedRate != null) {
            newRate = typedRate.isBlank() ? null : Money.taxRate("tax-rate", typedRate);
            if (newRate != null && newRate.signum() == 0) {
                newRate = null;
            }
            if (newRate == null) {
                newName = null;
            }
        }
        if (typedName != null) {
            if (newRate == null && typedRate == null) {
                throw InvalidInputException.forField("tax-name", "goes with a tax rate: give --tax-rate too");
            }
            newName = typedName.isBlank() ? null : Fields.line("tax-name", typedName.strip(), TAX_NAME_MAX);
        }
        if (newRate != null && newName == null) {
            throw InvalidInputException.forField("tax-name", "is required with --tax-rate: the tax's name on receipts,"
                    + " e.g. HST, GST, VAT");
        }
        if (newPrice == null && typedPrice == null && newRate != null) {
            throw InvalidInputException.forField("tax-rate", "tax is charged on a price: give --price too");
        }
        return newPrice == null ? NONE : new ServiceFee(newPrice, newRate, newName);
    }
}
