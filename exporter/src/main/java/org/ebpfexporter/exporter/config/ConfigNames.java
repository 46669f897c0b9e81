package org.ebpfexporter.exporter.config;

import java.nio.file.Path;

/** Config names are file names within {@code --config.dir}: they may not lead out of it. */
final class ConfigNames {
    private ConfigNames() {}

    /**
     * Refuses a name that is empty, absolute, a path ({@code /}), {@code .} or {@code ..}.
     *
     * @throws ConfigException naming the directory and the name
     */
    static void check(Path dir, String name) {
        String problem = problem(name);
        if (problem != null) {
            throw new ConfigException(dir + ": config \"" + name + "\": " + problem);
        }
    }

    private static String problem(String name) {
        if (name.isBlank()) {
            return "the name is empty";
        }
        if (name.contains("/") || name.contains("\\") || name.indexOf('\0') >= 0) {
            return "a config name is a file name in --config.dir, not a path (it contains a separator)";
        }
        if (name.equals(".") || name.equals("..")) {
            return "a config name is a file name in --config.dir, not a directory";
        }
        return null;
    }
}
