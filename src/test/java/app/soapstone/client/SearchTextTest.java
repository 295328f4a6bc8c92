package app.soapstone.client;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class SearchTextTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Zoë|zoe",
            "Łukasiewicz|lukasiewicz",
            "Straße|strasse",
            "ÆSIR|aesir",
            "Øyvind Ødegård|oyvind odegard",
            "Œuvre|oeuvre",
            "Þór|thor",
            "Đorđe|dorde",
            "José MARÍA|jose maria",
            "Nguyễn|nguyen",
            "François|francois",
            "İstanbul|istanbul",
            "Анна|анна",
            "ИВАНОВА|иванова",
            "王小明|王小明",
            "O’Brien|o'brien",
            "O'Brien|o'brien",
    })
    void foldsCaseAccentsAndSpecialLetters(String text, String folded) {
        assertThat(SearchText.fold(text)).isEqualTo(folded);
    }

    @Test
    void collapsesAndTrimsWhitespace() {
        assertThat(SearchText.fold("  Mary \t Ann\n\nSmith  ")).isEqualTo("mary ann smith");
        assertThat(SearchText.fold("Mary\u00A0Ann")).isEqualTo("mary ann");
    }

    @Test
    void foldsCompatibilityForms() {
        // Full-width letters and ligatures become their plain forms.
        assertThat(SearchText.fold("ＺＯＥ")).isEqualTo("zoe");
        assertThat(SearchText.fold("ﬁona")).isEqualTo("fiona");
    }

    @Test
    void nullAndBlankFoldToEmpty() {
        assertThat(SearchText.fold(null)).isEmpty();
        assertThat(SearchText.fold(" \t ")).isEmpty();
    }

    @Test
    void digitsKeepsOnlyDigits() {
        assertThat(SearchText.digits("+61 (412) 345-678 ext. 9")).isEqualTo("614123456789");
        assertThat(SearchText.digits(null)).isEmpty();
        assertThat(SearchText.digits("none")).isEmpty();
    }

    @Test
    void searchTextHoldsFoldedNamesEmailAndPhoneDigits() {
        String text = SearchText.of("Zoë", "Łukasiewicz", "Zo", null, "Zoe.L@Example.com", "+61 412 345 678", null);
        assertThat(text.split(" +")).containsExactly("zoe", "lukasiewicz", "zo", "zoe.l@example.com", "61412345678");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "O'Brien|obrien",
            "O’Brien|obrien",
            "Smith-Jones|smithjones",
            "St. John|st john",
            "Zoë Łukasiewicz|zoe lukasiewicz",
            "Nguyễn Thị Ánh|nguyen thi anh",
    })
    void namesLosePunctuationToo(String text, String name) {
        assertThat(SearchText.name(text)).isEqualTo(name);
    }

    @Test
    void searchTextHoldsNamesWithoutPunctuationAndTheEmailAsWritten() {
        assertThat(SearchText.of("Mary-Ann", "O'Brien", null, null, "mary.ob@example.ie", null, null).split(" +"))
                .containsExactly("maryann", "obrien", "mary.ob@example.ie");
    }

    @Test
    void searchTextHoldsTheInternationalFormOfANumberTypedInNationalForm() {
        assertThat(SearchText.of("A", "B", null, null, null, "0412 345 678", "+61412345678").split(" +"))
                .containsExactly("a", "b", "0412345678", "61412345678");
        assertThat(SearchText.of("A", "B", null, null, null, "+61 412 345 678", "+61412345678").split(" +"))
                .containsExactly("a", "b", "61412345678");
    }

    @Test
    void searchTextLeavesOutMissingValues() {
        assertThat(SearchText.of("Анна", "Иванова", null, null, null, null, null)).isEqualTo("анна иванова");
    }

    @Test
    void clientDerivesSearchTextFromItsFields() {
        Client client = new Client(null, "Zoë", "Łukasiewicz", null, null, null, "0412 345 678", "+61412345678", null,
                null, null, null, "stale text that must be ignored", null, null, null, null);
        assertThat(client.searchText())
                .isEqualTo(SearchText.of("Zoë", "Łukasiewicz", null, null, null, "0412 345 678", "+61412345678"))
                .doesNotContain("stale");
    }

    // ClientDirectory.terms: how a query is turned into LIKE patterns.

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0412 345|412345",
            "0412 345 678|412345678",
            "+61 412 345 678|61412345678",
            "(03) 9123-4567|391234567",
            "03.9123.4567|391234567",
            "412|412",
            "'  0412345678 '|412345678",
    })
    void phoneLikeQueriesBecomeDigitsWithoutTrunkZero(String query, String term) {
        assertThat(ClientDirectory.terms(query)).containsExactly(term);
    }

    @Test
    void allZeroPhoneQueryKeepsOneDigit() {
        assertThat(ClientDirectory.terms("000")).containsExactly("0");
    }

    @Test
    void shortNumbersAreSearchedAsText() {
        assertThat(ClientDirectory.terms("04")).containsExactly("04");
    }

    @Test
    void wordsAreFoldedAndSplit() {
        assertThat(ClientDirectory.terms("Zoë   ŁUKASIEWICZ")).containsExactly("zoe", "lukasiewicz");
        assertThat(ClientDirectory.terms("Анна")).containsExactly("анна");
        assertThat(ClientDirectory.terms("Anna 0412")).containsExactly("anna", "0412");
        assertThat(ClientDirectory.terms("Zoe.L@Example.COM")).containsExactly("zoe.l@example.com");
    }

    @Test
    void blankQueryIsOneEmptyTerm() {
        assertThat(ClientDirectory.terms("   ")).containsExactly("");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "zoe", "ZOE", "Zoë", "lukasiewicz", "Łukasiewicz", "zoe lukasiewicz", "lukasiewicz zoe", "zoë ŁUK",
            "0412 345", "0412 345 678", "+61 412 345 678", "412345678", "example.com", "Zoe.L@example",
    })
    void everyTermOfAMatchingQueryIsInTheClientsSearchText(String query) {
        String searchText = SearchText.of("Zoë", "Łukasiewicz", null, null, "Zoe.L@Example.com", "+61 412 345 678", null);
        assertThat(ClientDirectory.terms(query)).allSatisfy(term -> assertThat(searchText).contains(term));
    }

    @Test
    void localAndInternationalFormsOfANumberFindEachOther() {
        String international = SearchText.of("A", "B", null, null, null, "+61 412 345 678", null);
        String local = SearchText.of("A", "B", null, null, null, "0412 345 678", null);
        assertThat(international).contains(ClientDirectory.terms("0412 345 678").get(0));
        assertThat(local).contains(ClientDirectory.terms("0412 345")).contains(ClientDirectory.terms("412 345 678"));
        // Read in Australia, the local number also holds its international form.
        String localInAustralia = SearchText.of("A", "B", null, null, null, "0412 345 678", "+61412345678");
        assertThat(localInAustralia).contains(ClientDirectory.terms("+61 412 345 678"))
                .contains(ClientDirectory.terms("0061 412 345 678"));
    }

    @Test
    void plainAsciiIsOnlyLowerCasedWithItsSpacesTidied() {
        // ASCII takes a quick path; it must fold exactly as the general one does.
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 2_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(30);
            for (int j = 0; j < length; j++) {
                text.append((char) (random.nextInt(10) == 0 ? " \t\n\r\f".charAt(random.nextInt(5)) : 0x20 + random.nextInt(0x5f)));
            }
            String ascii = text.toString();
            String expected = java.text.Normalizer.normalize(ascii, java.text.Normalizer.Form.NFKD)
                    .toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", " ").strip();

            assertThat(SearchText.fold(ascii)).as("'%s'", ascii).isEqualTo(expected);
        }
        assertThat(SearchText.fold("  Mary-Jane   O'NEIL\t")).isEqualTo("mary-jane o'neil");
        assertThat(SearchText.fold("ŁUKASIEWICZ  Zoë")).isEqualTo("lukasiewicz zoe");
    }
}
