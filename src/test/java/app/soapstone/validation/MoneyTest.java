package app.soapstone.validation;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Currency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link Money}: amounts read once, exactly, written at the currency's minor unit; tax rounded half up. */
class MoneyTest {

    private static final Currency AUD = Currency.getInstance("AUD");
    private static final Currency JPY = Currency.getInstance("JPY");
    private static final Currency BHD = Currency.getInstance("BHD");

    @Test
    void amountsAreReadAsTypedAndWrittenAtTheMinorUnit() {
        assertThat(Money.parse("price", "120", AUD)).hasToString("AUD 120.00");
        assertThat(Money.parse("price", "120.5", AUD)).hasToString("AUD 120.50");
        assertThat(Money.parse("price", " 120.00 ", AUD)).hasToString("AUD 120.00");
        assertThat(Money.parse("price", "0", AUD)).hasToString("AUD 0.00");
        assertThat(Money.parse("price", "12000", JPY)).hasToString("JPY 12000");
        assertThat(Money.parse("price", "1.234", BHD)).hasToString("BHD 1.234");
        assertThat(Money.parse("price", "1000000", AUD)).hasToString("AUD 1000000.00");
        assertThat(Money.parse("price", "120.1", AUD).minor()).isEqualTo(12010);
        assertThat(Money.ofMinor(12010, AUD)).isEqualTo(Money.parse("price", "120.10", AUD));
        assertThat(Money.ofMinor(12000, JPY)).hasToString("JPY 12000");
    }

    @Test
    void moreDecimalsThanTheCurrencyHasAreRefusedNotRounded() {
        assertThatThrownBy(() -> Money.parse("price", "120.005", AUD)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("--price: 120.005 has more decimals than AUD has (2)");
        assertThatThrownBy(() -> Money.parse("price", "120.5", JPY))
                .hasMessageStartingWith("--price: 120.5 has more decimals than JPY has (0)");
        assertThat(Money.parse("price", "120.00", AUD).amount()).isEqualByComparingTo("120");
    }

    @Test
    void signsGroupingWordsAndHugeAmountsAreRefusedNamingTheOption() {
        for (String typed : new String[] {"-5", "+5", "1,200.00", "1 200", "12.", ".5", "1e3", "ten", "", "$120"}) {
            assertThatThrownBy(() -> Money.parse("paid", typed, AUD)).as(typed).isInstanceOf(InvalidInputException.class)
                    .hasMessageStartingWith("--paid: ").hasMessageContaining("no sign or commas")
                    .hasMessageNotContaining("\n");
        }
        assertThatThrownBy(() -> Money.parse("price", "1000000.01", AUD))
                .hasMessage("--price: 1000000.01 is more than AUD 1000000.00, the most a fee may be");
    }

    @Test
    void taxIsRoundedHalfUpToTheMinorUnit() {
        BigDecimal ten = new BigDecimal("10");
        assertThat(Money.parse("price", "0.05", AUD).taxAt(ten)).hasToString("AUD 0.01");   // 0.005 up
        assertThat(Money.parse("price", "0.04", AUD).taxAt(ten)).hasToString("AUD 0.00");   // 0.004 down
        assertThat(Money.parse("price", "0.15", AUD).taxAt(ten)).hasToString("AUD 0.02");   // 0.015 up, not to even
        assertThat(Money.parse("price", "120", AUD).taxAt(new BigDecimal("13"))).hasToString("AUD 15.60");
        assertThat(Money.parse("price", "99.99", AUD).taxAt(new BigDecimal("13"))).hasToString("AUD 13.00"); // 12.9987
        assertThat(Money.parse("price", "85", AUD).taxAt(new BigDecimal("8.875"))).hasToString("AUD 7.54"); // 7.54375
        assertThat(Money.parse("price", "5", JPY).taxAt(ten)).hasToString("JPY 1");        // 0.5 up
        assertThat(Money.parse("price", "4", JPY).taxAt(ten)).hasToString("JPY 0");        // 0.4 down
        assertThat(Money.parse("price", "1000000", AUD).taxAt(new BigDecimal("100"))).hasToString("AUD 1000000.00");
        assertThat(Money.parse("price", "120", AUD).taxAt(BigDecimal.ZERO)).hasToString("AUD 0.00");
    }

    @Test
    void currenciesAreIsoCodesWithAMinorUnit() {
        assertThat(Money.currency("currency", "aud")).isEqualTo(AUD);
        assertThat(Money.currency("currency", " JPY ")).isEqualTo(JPY);
        for (String typed : new String[] {"XAU", "ZZZ", "AU", "dollars", "$"}) {
            assertThatThrownBy(() -> Money.currency("currency", typed)).as(typed)
                    .hasMessageStartingWith("--currency: ").hasMessageContaining("ISO 4217");
        }
    }

    @Test
    void taxRatesArePercentagesToThreeDecimals() {
        assertThat(Money.taxRate("tax-rate", "13")).isEqualByComparingTo("13");
        assertThat(Money.taxRate("tax-rate", "8.875")).isEqualByComparingTo("8.875");
        assertThat(Money.taxRate("tax-rate", "13.000").toPlainString()).isEqualTo("13");
        assertThat(Money.taxRate("tax-rate", "100")).isEqualByComparingTo("100");
        for (String typed : new String[] {"100.001", "-1", "8.8751", "13%", "", "1,5"}) {
            assertThatThrownBy(() -> Money.taxRate("tax-rate", typed)).as(typed)
                    .hasMessageStartingWith("--tax-rate: ").hasMessageContaining("0 to 100 with up to 3 decimals");
        }
    }
}
