package app.soapstone.service;

import app.soapstone.validation.Money;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;

/**
 * What the clinic offers, such as "Remedial massage 60 min", and how long an appointment for it
 * takes unless another length is given. Retired rather than deleted: past appointments name it.
 *
 * @param retiredAt when the clinic stopped offering it; null while it is offered
 * @param priceMinor its price in minor units (cents) of {@code priceCurrency}; both null when it has no price
 * @param taxRate the tax charged on the price, in percent as a plain decimal ("13", "8.875"), with
 *        {@code taxName} ("HST"); both null when none is charged
 * @param billingCodes the procedure codes it is billed under, comma-separated in order
 *        ("97124,97140"), from the clinic's billing codes; null when none
 */
@Table("service")
public record OfferedService(@Id Long id, String name, int minutes, Instant retiredAt, Instant createdAt,
        Instant updatedAt, @Version Long version, Long priceMinor, String priceCurrency, String taxRate,
        String taxName, String billingCodes) {

    /** Whether it can still be booked and changed. */
    public boolean offered() {
        return retiredAt == null;
    }

    /** "Remedial massage (60 min)". */
    public String label() {
        return name + " (" + minutes + " min)";
    }

    /** What it costs: its price and tax, or {@link ServiceFee#NONE}. */
    public ServiceFee fee() {
        return priceMinor == null ? ServiceFee.NONE : new ServiceFee(Money.ofMinor(priceMinor,
                Currency.getInstance(priceCurrency)), taxRate == null ? null : new BigDecimal(taxRate), taxName);
    }

    /** The procedure codes it is billed under, in order; empty when none. */
    public List<String> codes() {
        return billingCodes == null ? List.of() : List.of(billingCodes.split(","));
    }

    /** "Remedial massage (60 min) at AUD 120.00 + HST 13%, billed as 97124", or its label when it has neither. */
    String described() {
        return label() + (priceMinor == null ? "" : " at " + fee())
                + (billingCodes == null ? "" : ", billed as " + String.join(", ", codes()));
    }

    static OfferedService added(String name, int minutes, ServiceFee fee, Instant now) {
        return new OfferedService(null, name, minutes, null, now, now, null, null, null, null, null, null).priced(fee);
    }

    OfferedService edited(String newName, int newMinutes, Instant now) {
        return new OfferedService(id, newName, newMinutes, retiredAt, createdAt, now, version, priceMinor,
                priceCurrency, taxRate, taxName, billingCodes);
    }

    OfferedService priced(ServiceFee fee) {
        Money price = fee.price();
        return new OfferedService(id, name, minutes, retiredAt, createdAt, updatedAt, version,
                price == null ? null : price.minor(), price == null ? null : price.currency().getCurrencyCode(),
                fee.taxRate() == null ? null : fee.taxRate().toPlainString(), fee.taxName(), billingCodes);
    }

    OfferedService retired(Instant now) {
        return new OfferedService(id, name, minutes, now, createdAt, now, version, priceMinor, priceCurrency, taxRate,
                taxName, billingCodes);
    }

    /** Billed under {@code codes}, in order; none when empty. */
    OfferedService billedAs(List<String> codes) {
        return new OfferedService(id, name, minutes, retiredAt, createdAt, updatedAt, version, priceMinor,
                priceCurrency, taxRate, taxName, codes.isEmpty() ? null : String.join(",", codes));
    }
}
