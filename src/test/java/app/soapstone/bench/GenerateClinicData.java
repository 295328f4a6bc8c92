package app.soapstone.bench;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Generates a clinic database from Maven and prints how fast it went. Tagged "benchmark", so it
 * runs only when asked for:
 * <pre>
 * ./mvnw -q -B test -Pbenchmark -Dtest=GenerateClinicData \
 *     -Dsoapstone.bench.db=/tmp/clinic.db -Dsoapstone.bench.clients=10000 -Dsoapstone.bench.sessions=200000
 * </pre>
 * Without {@code soapstone.bench.db} it writes to a temp file and deletes it afterwards (a rate
 * measurement only). The file must not exist yet, or be a database without clinic data. Also
 * {@code soapstone.bench.seed}, and {@code soapstone.bench.through-triggers=true} to index every
 * note through the schema's triggers one at a time (see {@link ClinicDataGenerator.Options}).
 */
@Tag("benchmark")
class GenerateClinicData {

    @Test
    void generate() throws Exception {
        String configured = System.getProperty("soapstone.bench.db");
        Path file = configured == null || configured.isBlank()
                ? Files.createTempDirectory("soapstone-generate-").resolve("clinic.db") : Path.of(configured);
        var options = ClinicDataGenerator.Options.of(Integer.getInteger("soapstone.bench.clients", 10_000),
                Integer.getInteger("soapstone.bench.sessions", 200_000));
        options = options.withThroughTriggers(Boolean.getBoolean("soapstone.bench.through-triggers"));
        String seed = System.getProperty("soapstone.bench.seed");
        if (seed != null && !seed.isBlank()) {
            options = options.withSeed(Long.parseLong(seed));
        }
        ClinicDataGenerator.Summary summary = ClinicDataGenerator.generate(file, options);
        System.out.println(summary);
        System.out.println("  database             " + file.toAbsolutePath());
        if (configured == null || configured.isBlank()) {
            for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
                Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
            }
            Files.deleteIfExists(file.getParent());
        }
    }
}
