package app.soapstone.pdf;

import app.soapstone.shell.Screen;
import app.soapstone.shell.Tables;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.stereotype.Component;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code fonts}: the scripts printouts can be in, with which font, and what to install for the others. */
@Component
class FontCommands {

    private final PrintableScripts scripts;
    private final Screen screen;

    FontCommands(PrintableScripts scripts, Screen screen) {
        this.scripts = scripts;
        this.screen = screen;
    }

    @Command(name = "fonts", group = "Printing",
            description = "List the scripts care plans can be printed in, with the font used, and what to install for the rest",
            help = """
                    Liberation Sans is bundled (Latin, Greek, Cyrillic). For other scripts Soapstone uses fonts found
                    in the folders of SOAPSTONE_FONTS (separated by ':', or ';' on Windows), then in the system's font
                    folders. A name or note with a character no font has is refused when the plan is exported.""")
    String list() {
        List<List<String>> rows = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (PrintableScripts.Row row : scripts.list()) {
            if (row.printable()) {
                rows.add(List.of(row.script(), row.font(), row.bold(), row.file()));
            } else {
                rows.add(List.of(row.script(), "none found", "", row.install()));
                missing.add(row.script());
            }
        }
        StringBuilder out = new StringBuilder(Tables.render(List.of("Script", "Font", "Bold", "File"), rows,
                screen.width()));
        List<Path> folders = scripts.folders();
        out.append("\nFonts looked for in: ").append(folders.isEmpty() ? "no folders"
                : String.join(", ", folders.stream().map(Path::toString).toList()));
        if (!missing.isEmpty()) {
            out.append("\nNot printable: ").append(String.join(", ", missing))
                    .append(". Install a font for them, or set SOAPSTONE_FONTS to a folder with one.");
        }
        return out.toString();
    }
}
