package org.ebpfexporter.exporter.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** JDK tools (java, keytool) run as child processes with no class path: only JDK classes. */
final class JdkTools {
    private JdkTools() {}

    /** The path of a tool of the running JDK. */
    static String path(String tool) {
        return Path.of(System.getProperty("java.home"), "bin", tool).toString();
    }

    /**
     * What a tool did.
     *
     * @param status its exit status
     * @param lines  what it wrote to stdout and stderr
     */
    record Run(int status, List<String> lines) {}

    /**
     * Runs a tool in {@code dir} and waits up to 90 seconds for it.
     *
     * @param command the tool's name, then its arguments
     */
    static Run run(Path dir, List<String> command) throws Exception {
        List<String> full = new ArrayList<>(command);
        full.set(0, path(command.getFirst()));
        Path output = Files.createTempFile(dir, command.getFirst(), ".txt");
        ProcessBuilder builder = new ProcessBuilder(full).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().remove("CLASSPATH");
        builder.environment().remove("JDK_JAVA_OPTIONS");
        Process process = builder.start();
        assertTrue(process.waitFor(90, TimeUnit.SECONDS), String.join(" ", full));
        return new Run(process.exitValue(), Files.readAllLines(output));
    }
}
