package app.soapstone.intake;

import app.soapstone.shell.Screen;
import app.soapstone.shell.Tables;
import org.springframework.shell.core.command.annotation.Arguments;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.stereotype.Component;

import java.util.List;

/** {@code vocabulary list}: the ids intakes and sessions take, with what each means. */
@Component
class VocabularyCommands {

    private final WordLists words;
    private final Screen screen;

    VocabularyCommands(WordLists words, Screen screen) {
        this.words = words;
        this.screen = screen;
    }

    @Command(name = "vocabulary list", group = "Intake and screening",
            description = "List the ids of a word list (modalities, sites, conditions...) with their meanings",
            help = "vocabulary list                 the word lists there are\n"
                    + "vocabulary list KIND            every id of one list with its meaning")
    String list(@Arguments List<String> kind) {
        if (kind.isEmpty()) {
            List<List<String>> rows = WordLists.KINDS.entrySet().stream()
                    .map(e -> List.of(e.getKey(), e.getValue())).toList();
            return Tables.render(List.of("List", "What it holds"), rows, screen.width())
                    + "\nShow one with: vocabulary list KIND";
        }
        List<List<String>> rows = words.words(String.join(" ", kind).strip()).stream()
                .map(word -> List.of(word.id(), word.meaning())).toList();
        return Tables.render(List.of("Id", "Meaning"), rows, screen.width());
    }
}
