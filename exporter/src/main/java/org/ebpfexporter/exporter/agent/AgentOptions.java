package org.ebpfexporter.exporter.agent;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ebpfexporter.exporter.jfr.JfrSettings;
import org.ebpfexporter.jfr.JfrBridge;

/**
 * The agent's options, named as the CLI flags without {@code --}: {@code name=value} pairs
 * separated by {@code ,}; list items (config names) separated by {@code +}. For example
 * {@code config.dir=/etc/ebpf,config.names=biolatency+runqlat,web.listen-address=:9435}.
 *
 * @param configDir     where the configs are
 * @param configNames   the configs to load; empty for the embedded JVM set
 * @param listenAddress where to serve HTTP, or {@code null} for no HTTP endpoint
 * @param telemetryPath the metrics path of the HTTP endpoint
 * @param webConfigFile the web config (TLS, basic auth, headers) of the HTTP endpoint, or {@code null}
 * @param jfr           whether and how to publish to JFR
 */
public record AgentOptions(Path configDir, List<String> configNames, String listenAddress, String telemetryPath,
                           Path webConfigFile, JfrSettings jfr) {
    private static final Set<String> NAMES = Set.of("config.dir", "config.names", "web.listen-address",
            "web.telemetry-path", "web.config.file", "jfr", "jfr.max-events-per-period");

    /** Copies the names. */
    public AgentOptions {
        configNames = List.copyOf(configNames);
    }

    /**
     * Parses the agent's argument string.
     *
     * @param options the text after {@code =} in {@code -javaagent:jar=...}; {@code null} or empty for defaults
     * @throws IllegalArgumentException naming an unknown option, a pair without {@code =} or a bad value
     */
    public static AgentOptions parse(String options) {
        Map<String, String> values = new HashMap<>();
        if (options != null && !options.isBlank()) {
            for (String pair : options.split(",")) {
                int equals = pair.indexOf('=');
                if (equals < 1) {
                    throw new IllegalArgumentException("agent option \"" + pair + "\" is not name=value");
                }
                String name = pair.substring(0, equals).strip();
                if (!NAMES.contains(name)) {
                    throw new IllegalArgumentException("unknown agent option " + name + " (known: "
                            + NAMES.stream().sorted().toList() + ")");
                }
                values.put(name, pair.substring(equals + 1).strip());
            }
        }
        List<String> names = Arrays.stream(values.getOrDefault("config.names", "").split("\\+"))
                .map(String::strip).filter(n -> !n.isEmpty()).toList();
        return new AgentOptions(Path.of(values.getOrDefault("config.dir", ".")), names,
                values.get("web.listen-address"), values.getOrDefault("web.telemetry-path", "/metrics"),
                values.containsKey("web.config.file") ? Path.of(values.get("web.config.file")) : null,
                new JfrSettings(bool(values.getOrDefault("jfr", "true")),
                        integer("jfr.max-events-per-period", values.getOrDefault("jfr.max-events-per-period",
                                Integer.toString(JfrBridge.DEFAULT_MAX_EVENTS_PER_PERIOD)))));
    }

    private static boolean bool(String value) {
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("agent option jfr: \"" + value + "\" is not true or false");
        };
    }

    private static int integer(String name, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("agent option " + name + ": \"" + value + "\" is not a number", e);
        }
    }
}
