package app.soapstone.template;

import app.soapstone.storage.FileErrors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Reads template files: from the folder named by {@code SOAPSTONE_TEMPLATES} when it holds the
 * file, otherwise the copy bundled in the application. YAML keys are kebab-case and unknown keys
 * are errors, so a typo in a clinic's edited file is reported instead of silently ignored.
 */
@Component
public class TemplateFiles {

    public static final String OVERRIDE_VARIABLE = "SOAPSTONE_TEMPLATES";
    private static final String BUNDLED = "templates/";

    private final Path overrides;
    /** Every template read so far, in order, with where it came from. */
    private final Map<String, String> used = new ConcurrentSkipListMap<>();
    private final YAMLMapper yaml = YAMLMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    public TemplateFiles(@Value("${soapstone.templates:${" + OVERRIDE_VARIABLE + ":}}") String overrides) {
        this.overrides = overrides == null || overrides.isBlank() ? null : Path.of(overrides);
    }

    /** Where a template comes from: the override folder's file or the bundled copy. */
    public String origin(String path) {
        Path file = overrideFile(path);
        return file != null ? file.toString() : "bundled:" + BUNDLED + path;
    }

    /**
     * The names (without {@code .yaml}) of the templates in {@code folder}, bundled and overriding
     * ones together, sorted.
     */
    public List<String> list(String folder) {
        SortedSet<String> names = new TreeSet<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:" + BUNDLED + folder + "/*.yaml")) {
                names.add(nameOf(resource.getFilename()));
            }
            if (overrides != null && Files.isDirectory(overrides.resolve(folder))) {
                try (var files = Files.list(overrides.resolve(folder))) {
                    files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                            .forEach(n -> names.add(nameOf(n)));
                }
            }
        } catch (IOException e) {
            throw new InvalidTemplateException("Cannot list the templates in " + folder + ": " + FileErrors.describe(e), e);
        }
        return List.copyOf(names);
    }

    private static String nameOf(String fileName) {
        return fileName.substring(0, fileName.length() - ".yaml".length());
    }

    /** The templates read so far, with their origin (every {@link TemplateSet} has read its own by {@code template list}). */
    public Map<String, String> used() {
        return Collections.unmodifiableMap(used);
    }

    /** Parses a YAML template into {@code type}; any problem names the file. */
    public <T> T read(String path, Class<T> type) {
        used.put(path, origin(path));
        try (InputStream in = open(path)) {
            T value = yaml.readValue(in, type);
            if (value == null) {
                throw new InvalidTemplateException("Template " + origin(path) + " is empty");
            }
            return value;
        } catch (JacksonException e) {
            throw new InvalidTemplateException("Template " + origin(path) + " is not valid: "
                    + e.getOriginalMessage() + location(e), e);
        } catch (IOException e) {
            throw new InvalidTemplateException("Template " + origin(path) + " cannot be read: " + FileErrors.describe(e), e);
        }
    }

    /**
     * Where each value of a template is, by JSON Pointer ({@code /rules/3/withhold/1}), so a check
     * after parsing can name the line of what it refuses.
     */
    public TemplateLines lines(String path) {
        Map<String, Integer> lines = new HashMap<>();
        try (InputStream in = open(path); tools.jackson.core.JsonParser parser = yaml.createParser(in)) {
            while (parser.nextToken() != null) {
                lines.putIfAbsent(parser.streamReadContext().pathAsPointer().toString(),
                        parser.currentTokenLocation().getLineNr());
            }
        } catch (JacksonException | IOException e) {
            // read() reports a file that cannot be parsed; without lines, errors name the file only.
        }
        return new TemplateLines(origin(path), lines);
    }

    private InputStream open(String path) throws IOException {
        Path file = overrideFile(path);
        if (file != null) {
            return Files.newInputStream(file);
        }
        ClassPathResource bundled = new ClassPathResource(BUNDLED + path);
        if (!bundled.exists()) {
            throw new InvalidTemplateException("Template " + path + " is missing from the application");
        }
        return bundled.getInputStream();
    }

    private Path overrideFile(String path) {
        if (overrides == null) {
            return null;
        }
        Path file = overrides.resolve(path);
        return Files.isRegularFile(file) ? file : null;
    }

    private static String location(JacksonException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
    }
}
