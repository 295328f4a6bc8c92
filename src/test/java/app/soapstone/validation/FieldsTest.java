package app.soapstone.validation;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FieldsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 5, 20);

    @Nested
    class Dates {

        @Test
        void parsesIsoDate() {
            assertThat(Fields.date("dob", "1958-03-14")).isEqualTo(LocalDate.of(1958, 3, 14));
        }

        @Test
        void ignoresSurroundingWhitespace() {
            assertThat(Fields.date("dob", "  2024-02-29 ")).isEqualTo(LocalDate.of(2024, 2, 29));
        }

        @Test
        void refusesDayThatIsNotInTheCalendar() {
            assertThatThrownBy(() -> Fields.date("dob", "2026-02-30"))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("--dob: 2026-02-30 is not a valid date (use YYYY-MM-DD)");
        }

        @Test
        void refusesFebruary29InACommonYear() {
            assertThatThrownBy(() -> Fields.date("dob", "2025-02-29"))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("--dob: 2025-02-29 is not a valid date (use YYYY-MM-DD)");
        }

        @ParameterizedTest
        @ValueSource(strings = {"yesterday", "14/03/1958", "1958-3-14", "19580314", "1958-03-14T10:00", "", "1958-13-01"})
        void refusesTextThatIsNotAnIsoDate(String text) {
            assertThatThrownBy(() -> Fields.date("date", text))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageStartingWith("--date: ")
                    .hasMessageEndingWith(" is not a valid date (use YYYY-MM-DD)");
        }

        @Test
        void pastDateAcceptsTodayAndEarlier() {
            assertThat(Fields.pastDate("date", "2026-05-20", TODAY)).isEqualTo(TODAY);
            assertThat(Fields.pastDate("date", "2026-05-19", TODAY)).isEqualTo(TODAY.minusDays(1));
        }

        @ParameterizedTest
        @ValueSource(strings = {"today", "Today", " TODAY "})
        void pastDateTakesTodayAsAWord(String word) {
            assertThat(Fields.pastDate("date", word, TODAY)).isEqualTo(TODAY);
            assertThat(Fields.recordDate("consent-date", word, TODAY, null)).isEqualTo(TODAY);
        }

        @Test
        void pastDateTakesYesterdayAsAWord() {
            assertThat(Fields.pastDate("date", "yesterday", TODAY)).isEqualTo(TODAY.minusDays(1));
            assertThat(Fields.recordDate("date", "Yesterday", TODAY, null)).isEqualTo(TODAY.minusDays(1));
        }

        @Test
        void pastDateRefusesTheFutureNamingTheOption() {
            assertThatThrownBy(() -> Fields.pastDate("visit-date", "2026-05-21", TODAY))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("--visit-date: 2026-05-21 is in the future (today is 2026-05-20)");
        }

        @Test
        void dateOfBirthRefusesTheFuture() {
            assertThatThrownBy(() -> Fields.dateOfBirth("dob", "2030-01-01", TODAY))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageStartingWith("--dob: 2030-01-01 is in the future");
        }

        @Test
        void dateOfBirthRefusesMoreThan130YearsAgo() {
            assertThatThrownBy(() -> Fields.dateOfBirth("dob", "1896-05-19", TODAY))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("--dob: 1896-05-19 is more than 130 years ago (use a date from 1896-05-20 on)");
        }

        @Test
        void dateOfBirthAcceptsTheBoundaries() {
            assertThat(Fields.dateOfBirth("dob", "1896-05-20", TODAY)).isEqualTo(LocalDate.of(1896, 5, 20));
            assertThat(Fields.dateOfBirth("dob", "2026-05-20", TODAY)).isEqualTo(TODAY);
        }

        @Test
        void aRecordDateIsNotBeforeTheClientsBirth() {
            LocalDate born = LocalDate.of(1958, 3, 14);

            assertThat(Fields.recordDate("consent-date", "1958-03-14", TODAY, born)).isEqualTo(born);
            assertThatThrownBy(() -> Fields.recordDate("consent-date", "1066-10-14", TODAY, born))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("--consent-date: 1066-10-14 is before the client's date of birth (1958-03-14)");
            assertThatThrownBy(() -> Fields.recordDate("consent-date", "2026-05-21", TODAY, born))
                    .hasMessage("--consent-date: 2026-05-21 is in the future (today is 2026-05-20)");
        }

        @Test
        void withoutADateOfBirthARecordDateIsNotMoreThan130YearsAgo() {
            assertThat(Fields.recordDate("date", "1896-05-20", TODAY, null)).isEqualTo(LocalDate.of(1896, 5, 20));
            assertThatThrownBy(() -> Fields.recordDate("date", "1800-01-01", TODAY, null))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("--date: 1800-01-01 is more than 130 years ago (use a date from 1896-05-20 on)");
        }

        @Test
        void beforeBirthSaysWhyOrNothing() {
            LocalDate born = LocalDate.of(1958, 3, 14);

            assertThat(Fields.beforeBirth(LocalDate.of(1957, 12, 31), TODAY, born))
                    .isEqualTo("is before the client's date of birth (1958-03-14)");
            assertThat(Fields.beforeBirth(born, TODAY, born)).isNull();
            assertThat(Fields.beforeBirth(LocalDate.of(1850, 12, 31), TODAY, null)).isEqualTo("is more than 130 years ago");
            assertThat(Fields.beforeBirth(LocalDate.of(1950, 1, 1), TODAY, null)).isNull();
        }

        @Test
        void dateOfBirthStillRefusesInvalidCalendarDates() {
            assertThatThrownBy(() -> Fields.dateOfBirth("dob", "2026-02-30", TODAY))
                    .hasMessage("--dob: 2026-02-30 is not a valid date (use YYYY-MM-DD)");
        }
    }

    @Nested
    class Names {

        @ParameterizedTest
        @ValueSource(strings = {"Zoë", "Łukasiewicz", "Анна", "王", "O'Brien", "Mary-Jane", "Jean-Luc Picard",
                "N’Golo", "José María", "Nguyễn", "Ólafur", "D'Arcy-Smythe"})
        void acceptsNamesInAnyScriptExactlyAsTyped(String name) {
            assertThat(Fields.name("first-name", name)).isEqualTo(name);
        }

        @Test
        void acceptsQuotesAndSqlAndReturnsThemUnchanged() {
            String name = "Robert'); DROP TABLE client;--";
            assertThat(Fields.name("first-name", name)).isEqualTo(name);
            String quoted = "\"Bobby\" Tables; SELECT * FROM client WHERE '1'='1";
            assertThat(Fields.name("last-name", quoted)).isEqualTo(quoted);
        }

        @ParameterizedTest
        @ValueSource(strings = {"123", "---", "'", "42 7", "!?"})
        void refusesNamesWithoutLetters(String name) {
            assertThatThrownBy(() -> Fields.name("last-name", name))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("--last-name: '" + name + "' has no letters (a name needs at least one)");
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "   ", "\t"})
        void refusesEmptyNames(String name) {
            assertThatThrownBy(() -> Fields.name("first-name", name))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("--first-name: must not be empty");
        }

        @Test
        void refusesNull() {
            assertThatThrownBy(() -> Fields.name("first-name", null))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("--first-name: must not be empty");
        }

        @ParameterizedTest
        @ValueSource(strings = {"Ann\u0000a", "Ann\u001Ba", "Ann\u0007", "Ann\u007Fa", "Ann\u0085a", "Ann\u009Ba"})
        void refusesControlCharactersNamingThemAndWhere(String name) {
            int c = name.charAt(3);
            assertThatThrownBy(() -> Fields.name("first-name", name))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("--first-name: contains " + String.format("U+%04X", c) + " " + Character.getName(c)
                            + " (character 4), a control character; type the value without it");
        }

        @ParameterizedTest
        @ValueSource(ints = {0x061C, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069})
        void refusesEveryBidirectionalControl(int c) {
            assertThatThrownBy(() -> Fields.name("last-name", "Lee" + Character.toString(c)))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageStartingWith("--last-name: contains " + String.format("U+%04X", c) + " " + Character.getName(c)
                            + " (character 4), an invisible direction control");
        }

        @ParameterizedTest
        @ValueSource(strings = {"Ann\nLee", "Ann\rLee", "Ann\tLee", "Ann\u2028Lee", "Ann\u2029Lee"})
        void aNameIsOneLine(String name) {
            assertThatThrownBy(() -> Fields.name("first-name", name))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageStartingWith("--first-name: contains U+")
                    .hasMessageContaining("(character 4)");
        }

        @ParameterizedTest
        @ValueSource(strings = {"مهر\u200cانگیز", "श्\u200dयाम", "Zoe\u0308", "Ann\u00adMarie", "👩\u200d⚕️ Ann"})
        void keepsJoinersMarksAndSoftHyphens(String name) {
            assertThat(Fields.name("first-name", name)).isEqualTo(name);
        }

        @Test
        void countsCharactersNotCodeUnitsWhereItRefuses() {
            assertThatThrownBy(() -> Fields.name("first-name", "𠀀𠀀\u001B"))
                    .hasMessageStartingWith("--first-name: contains U+001B ESCAPE (character 3)");
        }

        @Test
        void acceptsExactlyTheMaximumLengthCountingCodePoints() {
            String hundred = "a".repeat(Fields.NAME_MAX);
            assertThat(Fields.name("first-name", hundred)).isEqualTo(hundred);
            // 100 letters outside the BMP are 200 chars but 100 code points.
            String wide = "𠀀".repeat(Fields.NAME_MAX);
            assertThat(Fields.name("first-name", wide)).isEqualTo(wide);
        }

        @Test
        void refusesTooLongNames() {
            assertThatThrownBy(() -> Fields.name("last-name", "a".repeat(Fields.NAME_MAX + 1)))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("--last-name: is too long (at most 100 characters)");
        }
    }

    @Nested
    class FreeText {

        @Test
        void keepsLineBreaksAndTabsAndTakesAWindowsLineEndForALineBreak() {
            assertThat(Fields.text("notes", "Line one\r\nLine two\n\tindented", Fields.TEXT_MAX))
                    .isEqualTo("Line one\nLine two\n\tindented");
        }

        @ParameterizedTest
        @ValueSource(strings = {"one\rtwo", "one\u001Btwo", "one\u202Etwo", "one\u2028two", "one\u000Btwo"})
        void refusesOtherControlsAndSeparators(String text) {
            assertThatThrownBy(() -> Fields.text("notes", text, Fields.TEXT_MAX))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageStartingWith("--notes: contains U+")
                    .hasMessageContaining("(character 4)");
        }

        @Test
        void aLineRefusesLineBreaksAndTabs() {
            assertThatThrownBy(() -> Fields.line("occupation", "nurse\nnights", Fields.NAME_MAX))
                    .hasMessage("--occupation: contains U+000A LINE FEED (LF) (character 6), a line break; this field is"
                            + " a single line");
            assertThatThrownBy(() -> Fields.line("occupation", "nurse\tnights", Fields.NAME_MAX))
                    .hasMessage("--occupation: contains U+0009 CHARACTER TABULATION (character 6), a tab; this field is"
                            + " a single line (use spaces)");
            assertThat(Fields.optionalLine("occupation", " ", Fields.NAME_MAX)).isNull();
            assertThatThrownBy(() -> Fields.requiredLine("occupation", "", Fields.NAME_MAX))
                    .hasMessage("--occupation: must not be empty");
        }

        @Test
        void optionalTextTreatsBlankAsNone() {
            assertThat(Fields.optionalText("address", null, Fields.TEXT_MAX)).isNull();
            assertThat(Fields.optionalText("address", "  ", Fields.TEXT_MAX)).isNull();
            assertThat(Fields.optionalText("address", "1 Main St", Fields.TEXT_MAX)).isEqualTo("1 Main St");
        }

        @Test
        void optionalTextStillChecksLengthAndControls() {
            assertThatThrownBy(() -> Fields.optionalText("notes", "x".repeat(11), 10))
                    .hasMessage("--notes: is too long (at most 10 characters)");
            assertThatThrownBy(() -> Fields.optionalText("notes", "bell\u0007", 10))
                    .hasMessageStartingWith("--notes: contains U+0007 BEL (character 5)");
        }
    }

    @Nested
    class Quotes {

        @Test
        void aQuotedValueShowsWhatMayNotBeStored() {
            assertThat(Fields.quote("bo\u001B[2J@x\n")).isEqualTo("'bo\\x1b[2J@x\\n'");
            assertThat(Fields.quote("O'Brien")).isEqualTo("'O'Brien'");
        }
    }

    @Nested
    class Emails {

        @ParameterizedTest
        @ValueSource(strings = {"zoe@example.com", "anna.ivanova+clinic@mail.example.co.uk", "o'brien@example.ie",
                "王@例子.中国"})
        void acceptsEmailShapedValues(String email) {
            assertThat(Fields.email("email", email)).isEqualTo(email);
        }

        @Test
        void stripsSurroundingWhitespace() {
            assertThat(Fields.email("email", "  zoe@example.com ")).isEqualTo("zoe@example.com");
        }

        @Test
        void blankMeansNone() {
            assertThat(Fields.email("email", null)).isNull();
            assertThat(Fields.email("email", "")).isNull();
            assertThat(Fields.email("email", "   ")).isNull();
        }

        @ParameterizedTest
        @ValueSource(strings = {"zoe", "zoe@", "@example.com", "zoe@example", "zoe@@example.com", "zoe @example.com",
                "zoe@example..com", "zoe@example.com.", "zoe@.com"})
        void refusesValuesThatAreNotEmails(String email) {
            assertThatThrownBy(() -> Fields.email("email", email))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("--email: '" + email.strip() + "' is not an email address (use name@example.com)");
        }

        @Test
        void refusesOverlongEmails() {
            String email = "a".repeat(250) + "@example.com";
            assertThatThrownBy(() -> Fields.email("email", email))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("is not an email address");
        }
    }

    @Nested
    class Phones {

        @ParameterizedTest
        @ValueSource(strings = {"0412 345 678", "+61 412 345 678", "(03) 9123-4567", "03.9123.4567", "000",
                "+1 555 123 4567 ext 12", "9123 4567 x3", "9123 4567 ext. 3", "9123 4567 X 3"})
        void acceptsPhoneShapedValues(String phone) {
            assertThat(Fields.phone("phone", phone)).isEqualTo(phone);
        }

        @Test
        void stripsSurroundingWhitespaceAndTreatsBlankAsNone() {
            assertThat(Fields.phone("phone", " 0412 345 678  ")).isEqualTo("0412 345 678");
            assertThat(Fields.phone("phone", null)).isNull();
            assertThat(Fields.phone("phone", " ")).isNull();
        }

        @ParameterizedTest
        @ValueSource(strings = {"call me", "0412-ABC", "12", "+()", "0412 345 678; DROP TABLE client", "ext 123",
                "0412#345"})
        void refusesValuesThatAreNotPhoneNumbers(String phone) {
            assertThatThrownBy(() -> Fields.phone("phone", phone))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("--phone: '" + phone + "' is not a phone number"
                            + " (use digits, spaces and + - ( ) ., e.g. +61 412 345 678)");
        }

        @Test
        void refusesOverlongPhoneNumbers() {
            String phone = "1 ".repeat(25).strip();
            assertThatThrownBy(() -> Fields.phone("phone", phone))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("is not a phone number");
        }
    }

    @Nested
    class Ranges {

        @Test
        void acceptsBothEndsAndTheMiddle() {
            assertThat(Fields.range("pain", 0, 0, 10)).isZero();
            assertThat(Fields.range("pain", 5, 0, 10)).isEqualTo(5);
            assertThat(Fields.range("pain", 10, 0, 10)).isEqualTo(10);
        }

        @Test
        void refusesValuesOutsideNamingTheRange() {
            assertThatThrownBy(() -> Fields.range("pain", 11, 0, 10))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("--pain: 11 is out of range (use 0-10)");
            assertThatThrownBy(() -> Fields.range("pain", -1, 0, 10))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("--pain: -1 is out of range (use 0-10)");
        }
    }
}
