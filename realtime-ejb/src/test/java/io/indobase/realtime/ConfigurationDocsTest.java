package io.indobase.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's configuration table lists exactly the keys of the properties files, with their defaults. */
class ConfigurationDocsTest {

    private static final Pattern ROW = Pattern.compile("^\\| `(realtime\\.[^`]+)` \\| `([^`]*)` \\|", Pattern.MULTILINE);

    @Test
    void readmeTableMatchesTheDefaults() throws IOException {
        Map<String, String> defaults = new TreeMap<>();
        load(Path.of("src/main/resources/META-INF/microprofile-config.properties"), defaults);
        load(Path.of("../realtime-broker/src/main/resources/META-INF/microprofile-config.properties"), defaults);

        Map<String, String> documented = new TreeMap<>();
        Matcher row = ROW.matcher(Files.readString(Path.of("../README.md")));
        while (row.find()) {
            documented.put(row.group(1), row.group(2));
        }
        assertEquals(defaults, documented);
    }

    private static void load(Path file, Map<String, String> into) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        properties.stringPropertyNames().forEach(key -> into.put(key, properties.getProperty(key)));
    }
}
