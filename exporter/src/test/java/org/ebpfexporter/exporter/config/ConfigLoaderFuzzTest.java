package org.ebpfexporter.exporter.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * The YAML config loader on any bytes: it returns a config or throws a one-line
 * {@link ConfigException}, and nothing else: no other exception, no hang (the timeout), no
 * unbounded memory (the fuzzing JVM's small heap).
 *
 * <p>Regular builds run the seeds in {@code ConfigLoaderFuzzTestInputs/yamlConfig} (the examples'
 * configs and past findings); {@code JAZZER_FUZZ=1} fuzzes (see the README).
 */
class ConfigLoaderFuzzTest {
    private static final ConfigLoader LOADER = new ConfigLoader(Set.of("cgroup", "dname", "errno", "hex", "ifname",
            "inet_ip", "java_thread", "kstack", "ksym", "majorminor", "pci_class", "pci_device", "pci_subclass",
            "pci_vendor", "regexp", "static_map", "string", "syscall", "uint"));

    @FuzzTest(maxDuration = "60s")
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void yamlConfig(byte[] yaml) {
        try {
            LOADER.parse("fuzz", "fuzz.yaml", yaml);
        } catch (ConfigException e) {
            assertEquals(1, e.getMessage().lines().count(), "a config error is one line: " + e.getMessage());
        }
    }
}
