package app.soapstone.shell;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TablesTest {

    private static final List<String> HEADERS = List.of("ID", "Name", "Phone", "Address");

    private static final String LONG_ADDRESS = "Unit 12, 345 Very Long Boulevard Name, Little Hampton Heights, "
            + "Victoria 3999, Australia";
    private static final String LONG_NAME = "Wolfeschlegelsteinhausenbergerdorff, Hubert Blaine (Hubie) Maximilian";

    private static List<List<String>> longRows() {
        return List.of(
                List.of("1", LONG_NAME, "+61 412 345 678", LONG_ADDRESS),
                List.of("22", "Łukasiewicz, Zoë", "0412 345 678", "1 Short St"),
                List.of("333", "王, 小明", "", "北京市朝阳区建国路八十八号现代城五号楼二十三层"));
    }

    private static List<String> lines(String table) {
        return table.lines().toList();
    }

    @ParameterizedTest
    @ValueSource(ints = {120, 80, 60, 50, 40})
    void everyLineFitsTheWidthWhenCellsAreLong(int width) {
        String table = Tables.render(HEADERS, longRows(), width);
        assertThat(lines(table)).isNotEmpty()
                .allSatisfy(line -> assertThat(Tables.displayWidth(line)).as(line).isLessThanOrEqualTo(width));
    }

    @ParameterizedTest
    @ValueSource(ints = {48, 40, 34})
    void clientListWithStatusFitsANarrowTerminal(int width) {
        List<String> headers = List.of("ID", "Name", "Born (age)", "Phone", "Last visit", "Status");
        List<List<String>> rows = List.of(
                List.of("1", LONG_NAME, "1958-03-14 (68)", "+61 412 345 678", "2026-05-01", "active"),
                List.of("22", "王, 小明", "", "", "", "archived"));
        String table = Tables.render(headers, rows, width);
        assertThat(lines(table))
                .allSatisfy(line -> assertThat(Tables.displayWidth(line)).as(line).isLessThanOrEqualTo(width));
        assertThat(lines(table)).anySatisfy(line -> assertThat(line).startsWith("1 "))
                .anySatisfy(line -> assertThat(line).startsWith("22 "));
    }

    @Test
    void narrowTableKeepsEveryWordOfEveryCell() {
        String table = Tables.render(HEADERS, longRows(), 50);
        for (String word : (LONG_ADDRESS + " " + LONG_NAME).split(" ")) {
            if (Tables.displayWidth(word) <= 10) {
                assertThat(table).contains(word);
            }
        }
    }

    @Test
    void shortTableIsNotPadded() {
        String table = Tables.render(List.of("ID", "Name"), List.of(List.of("7", "Zoë")), 80);
        assertThat(table).isEqualTo("""
                ID  Name
                ──  ────
                7   Zoë""");
    }

    @Test
    void columnsLineUp() {
        String table = Tables.render(List.of("ID", "Name", "Phone"), List.of(
                List.of("1", "Anna", "0412 345 678"),
                List.of("1234", "Bartholomew", "03 9123 4567")), 80);
        List<String> lines = lines(table);
        assertThat(lines).hasSize(4);
        int nameColumn = lines.get(0).indexOf("Name");
        int phoneColumn = lines.get(0).indexOf("Phone");
        assertThat(nameColumn).isEqualTo("1234".length() + 2);
        assertThat(phoneColumn).isEqualTo(nameColumn + "Bartholomew".length() + 2);
        assertThat(lines.get(2).indexOf("Anna")).isEqualTo(nameColumn);
        assertThat(lines.get(3).indexOf("Bartholomew")).isEqualTo(nameColumn);
        assertThat(lines.get(2).indexOf("0412")).isEqualTo(phoneColumn);
        assertThat(lines.get(3).indexOf("03 9123")).isEqualTo(phoneColumn);
        assertThat(lines.get(1)).isEqualTo("─".repeat(4) + "  " + "─".repeat(11) + "  " + "─".repeat(12));
    }

    @Test
    void wideCharactersAreAlignedByDisplayWidth() {
        String table = Tables.render(List.of("Name", "Phone"), List.of(
                List.of("王小明", "111"),
                List.of("Anna", "222"),
                List.of("Łukasiewicz", "333")), 80);
        List<String> lines = lines(table);
        int phoneColumn = displayColumnOf(lines.get(0), "Phone");
        assertThat(phoneColumn).isEqualTo("Łukasiewicz".length() + 2);
        assertThat(displayColumnOf(lines.get(2), "111")).isEqualTo(phoneColumn);
        assertThat(displayColumnOf(lines.get(3), "222")).isEqualTo(phoneColumn);
        assertThat(displayColumnOf(lines.get(4), "333")).isEqualTo(phoneColumn);
    }

    @Test
    void wideCharactersCountDouble() {
        assertThat(Tables.displayWidth("王小明")).isEqualTo(6);
        assertThat(Tables.displayWidth("Zoë")).isEqualTo(3);
        // e + combining diaeresis: two code points, one column.
        assertThat(Tables.displayWidth("Zoe\u0308")).isEqualTo(3);
        assertThat(Tables.displayWidth("Анна")).isEqualTo(4);
        assertThat(Tables.displayWidth("")).isZero();
    }

    @Test
    void wideCharactersWrapWithinTheColumn() {
        String table = Tables.render(List.of("ID", "Address"),
                List.of(List.of("1", "北京市朝阳区建国路八十八号现代城五号楼二十三层")), 20);
        assertThat(lines(table)).hasSizeGreaterThan(3)
                .allSatisfy(line -> assertThat(Tables.displayWidth(line)).as(line).isLessThanOrEqualTo(20));
        String joined = String.join("", lines(table).subList(2, lines(table).size())).replace(" ", "").replace("1", "");
        assertThat(joined).isEqualTo("北京市朝阳区建国路八十八号现代城五号楼二十三层");
    }

    @Test
    void longCellsWrapAtWordBoundaries() {
        String text = "Left shoulder tight after gardening, worse in the morning";
        String table = Tables.render(List.of("ID", "Notes"), List.of(List.of("5", text)), 24);
        List<String> lines = lines(table);
        int notesColumn = lines.get(0).indexOf("Notes");
        List<String> pieces = new ArrayList<>();
        for (String line : lines.subList(2, lines.size())) {
            assertThat(line.length()).isLessThanOrEqualTo(24);
            pieces.add(line.substring(notesColumn));
        }
        assertThat(pieces).hasSizeGreaterThan(1);
        // Each piece is whole words, and together they are the text again.
        assertThat(String.join(" ", pieces)).isEqualTo(text);
        List<String> words = Arrays.asList(text.split(" "));
        for (String piece : pieces) {
            assertThat(words).containsAll(Arrays.asList(piece.split(" ")));
        }
        // The id is on the first line of the row only.
        assertThat(lines.get(2)).startsWith("5 ");
        assertThat(lines.subList(3, lines.size())).allSatisfy(line -> assertThat(line).startsWith(" ".repeat(notesColumn)));
    }

    @Test
    void atSixtyColumnsDatesIdsAndHeadersStayWholeAndListsWrapAfterACommaOnly() {
        List<String> headers = List.of("ID", "Date", "Practitioner", "Modalities", "Pain", "Notes");
        List<List<String>> rows = List.of(
                List.of("1042", "2026-11-29 17:28", "Alex Chen, Myotherapist", "trigger-point,effleurage,petrissage",
                        "6 -> 3", "Night cramps both calves, better after stretching"),
                List.of("1043", "2026-11-30 09:05", "Sam Jones, RMT", "effleurage", "", "Signed"));

        String table = Tables.render(headers, rows, 60);

        assertThat(lines(table)).allSatisfy(line -> assertThat(Tables.displayWidth(line)).as(line).isLessThanOrEqualTo(60));
        assertThat(table).contains("2026-11-29", "2026-11-30", "Practitioner", "effleurage,", "petrissage", "1042",
                "1043", "Myotherapist");
        assertThat(lines(table)).noneMatch(line -> line.strip().matches("\\d|r|t|nt,"));
    }

    @Test
    void aWordWiderThanTheColumnIsShortenedNeverBroken() {
        assertThat(Tables.wrap("Wolfeschlegelsteinhausenbergerdorff", 10)).containsExactly("Wolfeschl…");
        assertThat(Tables.wrap("Anna Wolfeschlegelsteinhausenbergerdorff", 10)).containsExactly("Anna", "Wolfeschl…");
        assertThat(Tables.wrap("trigger-point,effleurage,petrissage", 14))
                .containsExactly("trigger-point,", "effleurage,", "petrissage");
    }

    @Test
    void wrapKeepsLineBreaksInsideACell() {
        assertThat(Tables.wrap("first line\nsecond", 20)).containsExactly("first line", "second");
    }

    @Test
    void wrapFillsLinesGreedily() {
        assertThat(Tables.wrap("aa bb cc dd", 5)).containsExactly("aa bb", "cc dd");
        assertThat(Tables.wrap("aa bb cc dd", 4)).containsExactly("aa", "bb", "cc", "dd");
    }

    @Test
    void missingCellsRenderEmpty() {
        List<List<String>> rows = List.of(Arrays.asList("1", null, "x"));
        String table = Tables.render(List.of("ID", "Name", "Phone"), rows, 80);
        assertThat(lines(table).get(2)).isEqualTo("1   " + "    " + "  x");
    }

    @Test
    void cardLeavesOutEmptyValuesAndAlignsLabels() {
        String card = Tables.card(List.of(
                List.of("Client", "7"),
                Arrays.asList("Preferred name", null),
                List.of("Name", "Zoë Łukasiewicz"),
                List.of("Phone", ""),
                List.of("Email", "   "),
                List.of("Emergency contact", "Piotr 0412 345 678")));
        // The longest label sets the column: its colon, then two spaces.
        assertThat(card).isEqualTo("Client:" + " ".repeat(13) + "7\n"
                + "Name:" + " ".repeat(15) + "Zoë Łukasiewicz\n"
                + "Emergency contact:" + " ".repeat(2) + "Piotr 0412 345 678");
        assertThat(card).doesNotContain("Preferred name").doesNotContain("Phone").doesNotContain("Email");
    }

    @Test
    void cardIndentsLaterLinesOfAMultiLineValue() {
        String card = Tables.card(List.of(
                List.of("Name", "Anna"),
                List.of("Address", "1 Main St\nSpringfield\n")));
        assertThat(card).isEqualTo("Name:" + " ".repeat(5) + "Anna\n"
                + "Address:" + " ".repeat(2) + "1 Main St\n"
                + " ".repeat(10) + "Springfield");
    }

    @Test
    void cardOfOnlyEmptyValuesIsEmpty() {
        assertThat(Tables.card(List.of(List.of("Phone", ""), List.of("Email", " ")))).isEmpty();
    }

    @Test
    void cellsShowWhatMayNotBeStoredVisiblyAndStayInLine() {
        String table = Tables.render(List.of("Name", "Phone"), List.of(
                List.of("Lee\rEvil, Ann\u001B[2J\u0007 (Annie\u202Ecba)", "0412 345 678"),
                List.of("Ng, Bo", "0413 000 000")), 120);

        List<String> lines = lines(table);
        assertThat(table).contains("Lee\\rEvil, Ann\\x1b[2J\\x07 (Annie<U+202E>cba)")
                .doesNotContain("\u001B").doesNotContain("\r").doesNotContain("\u202E");
        assertThat(displayColumnOf(lines.get(2), "0412")).isEqualTo(displayColumnOf(lines.get(0), "Phone"));
        assertThat(displayColumnOf(lines.get(3), "0413")).isEqualTo(displayColumnOf(lines.get(0), "Phone"));
    }

    @Test
    void aTabInACellIsASpaceSoTheColumnsAfterItStayInLine() {
        String table = Tables.render(List.of("Products", "Pain"), List.of(List.of("arnica\tgel", "3 -> 1")), 120);

        assertThat(lines(table).get(2)).startsWith("arnica gel").doesNotContain("\t");
    }

    @Test
    void cardShowsWhatMayNotBeStoredVisiblyAndKeepsLineBreaks() {
        String card = Tables.card(List.of(
                List.of("Name", "Ann\u001B[2J"),
                List.of("Notes", "Line one\r\nLine two\u001B]0;owned\u0007")));

        assertThat(card).isEqualTo("Name:   Ann\\x1b[2J\n"
                + "Notes:  Line one\n"
                + "        Line two\\x1b]0;owned\\x07");
    }

    /** The terminal column at which {@code text} starts in {@code line}. */
    private static int displayColumnOf(String line, String text) {
        int index = line.indexOf(text);
        assertThat(index).as("'%s' in '%s'", text, line).isNotNegative();
        return Tables.displayWidth(line.substring(0, index));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Anderson, Chloe", "0412 345 678", "tab\there", "bell\u0007", "Zoë", "Łukasiewicz",
            "艳 李", "黄, 秀兰", "Иван Кузнецов", "Nguyễn", "e\u0301", "😀 smile", "~!@#$%^&*()_+{}|:<>?", "\u007f"})
    void displayWidthCountsColumnsAsTheTerminalDoes(String text) {
        // Printable ASCII takes a quick path; everything is measured as JLine measures it.
        int expected = text.codePoints().map(c -> Math.max(0, org.jline.utils.WCWidth.wcwidth(c))).sum();

        assertThat(Tables.displayWidth(text)).isEqualTo(expected);
    }
}
