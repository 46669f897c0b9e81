package org.ebpfexporter.exporter.agent;

import java.lang.instrument.Instrumentation;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The agent's entry point ({@code Premain-Class} and {@code Agent-Class}), compiled for Java 8 so
 * that any JVM can load it: on Java 25 and newer it starts {@code Agent}; on an older JVM it logs
 * one warning and returns, and the application runs without the agent.
 */
public final class AgentLauncher {
    /** The first Java release the exporter runs on (it needs the final FFM API). */
    static final int REQUIRED_FEATURE = 25;
    private static final Logger logger = Logger.getLogger(AgentLauncher.class.getName());

    private AgentLauncher() {
    }

    /**
     * Called before the application's {@code main} for {@code -javaagent:ebpf-exporter.jar=OPTIONS}.
     *
     * @param options the text after {@code =}, may be null
     * @param instrumentation unused
     */
    public static void premain(String options, Instrumentation instrumentation) {
        launch(options);
    }

    /**
     * Called when the agent is loaded into a running JVM (for example with {@code jcmd PID JVMTI.agent_load}).
     *
     * @param options the agent's options, may be null
     * @param instrumentation unused
     */
    public static void agentmain(String options, Instrumentation instrumentation) {
        launch(options);
    }

    static void launch(String options) {
        String version = System.getProperty("java.specification.version", "0");
        if (feature(version) < REQUIRED_FEATURE) {
            logger.log(Level.WARNING, "ebpf-exporter agent disabled: it needs Java " + REQUIRED_FEATURE
                    + " or newer, this JVM is Java " + version + "; the application runs without it");
            return;
        }
        try {
            Class.forName("org.ebpfexporter.exporter.agent.Agent")
                    .getMethod("start", String.class).invoke(null, options);
        } catch (ReflectiveOperationException | LinkageError e) {
            logger.log(Level.WARNING, "ebpf-exporter agent disabled: cannot start it: " + e);
        }
    }

    /** The feature release of a {@code java.specification.version}: "1.8" is 8, "25" is 25. */
    static int feature(String specificationVersion) {
        String[] parts = specificationVersion.split("\\.");
        try {
            return Integer.parseInt(parts[0].equals("1") && parts.length > 1 ? parts[1] : parts[0]);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
