package app.soapstone.validation;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;

import java.util.Locale;

/**
 * Phone numbers read in a country, by Google's libphonenumber: "0412 345 678" in Australia is
 * "+61412345678", the international (E.164) form a number has whichever way it was written.
 */
public final class PhoneNumbers {

    private PhoneNumbers() {
    }

    /**
     * A country code checked against the countries libphonenumber knows ("au" becomes "AU"); an
     * empty value is no country ({@code null}).
     */
    public static String country(String option, String code) {
        String country = code.strip().toUpperCase(Locale.ROOT);
        if (country.isEmpty()) {
            return null;
        }
        if (!PhoneNumberUtil.getInstance().getSupportedRegions().contains(country)) {
            throw InvalidInputException.forField(option, "'" + code.strip()
                    + "' is not a country code; give the two letters of ISO 3166, e.g. AU, GB, NZ or US");
        }
        return country;
    }

    /**
     * {@code phone} in international form ("+61412345678"), read as dialled in {@code country}; or
     * {@code null} when there is no country, or the number is not a valid one there.
     */
    public static String international(String phone, String country) {
        if (phone == null || phone.isBlank() || country == null) {
            return null;
        }
        PhoneNumberUtil numbers = PhoneNumberUtil.getInstance();
        try {
            Phonenumber.PhoneNumber number = numbers.parse(phone, country);
            return numbers.isValidNumber(number) ? numbers.format(number, PhoneNumberUtil.PhoneNumberFormat.E164) : null;
        } catch (NumberParseException e) {
            return null;
        }
    }
}
