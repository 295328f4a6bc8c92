package app.soapstone;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * ARCHITECTURE.md's package map, as a test: each package uses only the packages the map allows
 * it, there are no cycles between packages, and migrations use no application code. A wrong
 * import fails the build, naming the classes.
 */
class ArchitectureTest {

    /** Each package and the packages it may use, lowest first - the table in ARCHITECTURE.md. */
    static final Map<String, List<String>> ALLOWED = allowed();

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("app.soapstone", "db.migration");

    private static Map<String, List<String>> allowed() {
        Map<String, List<String>> allowed = new LinkedHashMap<>();
        allowed.put("validation", List.of());
        allowed.put("storage", List.of("validation"));
        allowed.put("shell", List.of("storage", "validation"));
        allowed.put("template", List.of("shell", "storage", "validation"));
        allowed.put("vocabulary", List.of("template", "validation"));
        allowed.put("pdf", List.of("shell", "storage", "validation"));
        allowed.put("printing", List.of("shell", "storage", "validation"));
        allowed.put("integrity", List.of("storage", "validation"));
        allowed.put("audit", List.of("integrity", "shell", "storage", "validation"));
        allowed.put("screening", List.of("template", "vocabulary", "validation"));
        allowed.put("clinic", List.of("integrity", "shell", "storage", "validation"));
        allowed.put("client", List.of("clinic", "integrity", "shell", "storage", "validation"));
        allowed.put("service", List.of("billing", "clinic", "integrity", "shell", "storage", "validation"));
        allowed.put("appointment", List.of("client", "clinic", "integrity", "service", "session", "shell",
                "storage", "validation"));
        allowed.put("intake", List.of("client", "clinic", "integrity", "screening", "shell", "storage", "template",
                "validation", "vocabulary"));
        allowed.put("session", List.of("billing", "client", "clinic", "intake", "integrity", "screening", "shell",
                "storage", "template", "validation", "vocabulary"));
        allowed.put("careplan", List.of("appointment", "client", "clinic", "intake", "integrity", "pdf", "printing", "screening",
                "service", "session", "shell", "storage", "template", "validation", "vocabulary"));
        allowed.put("record", List.of("appointment", "careplan", "client", "clinic", "intake", "integrity", "pdf", "printing",
                "receipt", "screening", "service", "session", "shell", "storage", "template", "validation", "vocabulary"));
        allowed.put("day", List.of("appointment", "careplan", "client", "clinic", "intake", "screening", "session", "shell",
                "validation"));
        allowed.put("billing", List.of("shell", "template", "validation", "vocabulary"));
        allowed.put("receipt", List.of("client", "clinic", "integrity", "pdf", "printing", "service", "shell",
                "storage", "validation"));
        allowed.put("superbill", List.of("billing", "client", "clinic", "intake", "integrity", "pdf", "printing", "session",
                "shell", "storage", "validation"));
        allowed.put("report", List.of("client", "clinic", "integrity", "receipt", "shell", "storage", "validation"));
        return allowed;
    }

    @Test
    void eachPackageUsesOnlyThePackagesTheMapAllows() {
        for (Map.Entry<String, List<String>> entry : ALLOWED.entrySet()) {
            List<String> forbidden = ALLOWED.keySet().stream()
                    .filter(other -> !other.equals(entry.getKey()) && !entry.getValue().contains(other))
                    .map(other -> "app.soapstone." + other + "..").toList();
            if (forbidden.isEmpty()) {
                continue;
            }
            ArchRule rule = noClasses().that().resideInAPackage("app.soapstone." + entry.getKey() + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(forbidden.toArray(String[]::new))
                    .because("ARCHITECTURE.md allows " + entry.getKey() + " to use only " + entry.getValue());
            rule.check(CLASSES);
        }
    }

    @Test
    void everyPackageIsOnTheMap() {
        List<String> packages = CLASSES.stream().map(c -> c.getPackageName())
                .filter(name -> name.startsWith("app.soapstone."))
                .map(name -> name.substring("app.soapstone.".length()).split("\\.")[0]).distinct().toList();

        org.assertj.core.api.Assertions.assertThat(ALLOWED.keySet()).containsAll(packages);
    }

    @Test
    void thereAreNoCyclesBetweenPackages() {
        slices().matching("app.soapstone.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void migrationsUseNoApplicationCode() {
        noClasses().that().resideInAPackage("db.migration..")
                .should().dependOnClassesThat().resideInAPackage("app.soapstone..")
                .because("a migration works on the tables as they were at its version; application code moves on")
                .check(CLASSES);
    }
}
