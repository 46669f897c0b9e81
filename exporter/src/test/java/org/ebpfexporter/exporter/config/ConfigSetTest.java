package org.ebpfexporter.exporter.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigSetTest {
    private static final ConfigLoader LOADER = new ConfigLoader(Set.of("uint"));
    private static final String COUNTER = """
            metrics:
              counters:
                - name: x_total
                  help: %s
                  labels: [{name: %s, size: 8, decoders: [{name: uint}]}]
            """;

    @TempDir
    Path dir;

    @Test
    void loadsDistinctConfigsInOrder() throws Exception {
        write("a", COUNTER.formatted("h", "a"));
        write("b", COUNTER.formatted("h", "a").replace("x_total", "y_total"));
        assertEquals(List.of("a", "b"), ConfigSet.load(LOADER, ConfigSource.directory(dir), List.of("a", "b")).stream()
                .map(Config::name).toList());
    }

    @Test
    void refusesAConfigListedTwice() throws Exception {
        write("a", COUNTER.formatted("h", "a"));
        assertEquals("--config.names: config \"a\" is listed twice", failure("a", "a"));
    }

    @Test
    void refusesTheSameMetricWithOtherLabels() throws Exception {
        write("a", COUNTER.formatted("h", "a"));
        write("b", COUNTER.formatted("h", "b"));
        assertEquals(dir.resolve("b.yaml") + ": counter x_total: name: already defined by config a with labels [a], "
                + "here [b]; a metric must belong to one config", failure("a", "b"));
    }

    @Test
    void refusesTheSameMetricWithOtherHelp() throws Exception {
        write("a", COUNTER.formatted("h", "a"));
        write("b", COUNTER.formatted("other", "a"));
        assertEquals(dir.resolve("b.yaml") + ": counter x_total: name: already defined by config a with help \"h\", "
                + "here \"other\"; a metric must belong to one config", failure("a", "b"));
    }

    @Test
    void refusesTheSameMetricAsAnotherType() throws Exception {
        write("a", COUNTER.formatted("h", "a"));
        write("b", """
                metrics:
                  histograms:
                    - {name: x_total, help: h, bucket_type: exp2, bucket_max: 3, labels: [{name: b, size: 8, decoders: [{name: uint}]}]}
                """);
        assertEquals(dir.resolve("b.yaml") + ": histogram x_total: name: already defined by config a as a counter; "
                + "a metric must belong to one config", failure("a", "b"));
    }

    @Test
    void refusesIdenticalDefinitionsToo() throws Exception {
        write("a", COUNTER.formatted("h", "a"));
        write("b", COUNTER.formatted("h", "a"));
        assertEquals(dir.resolve("b.yaml") + ": counter x_total: name: already defined by config a identically "
                + "(upstream's scrapes fail once both report the same label values); a metric must belong to one config",
                failure("a", "b"));
    }

    private String failure(String... names) {
        return assertThrows(ConfigException.class,
                () -> ConfigSet.load(LOADER, ConfigSource.directory(dir), List.of(names))).getMessage();
    }

    private void write(String name, String yaml) throws Exception {
        Files.writeString(dir.resolve(name + ".yaml"), yaml);
    }
}
