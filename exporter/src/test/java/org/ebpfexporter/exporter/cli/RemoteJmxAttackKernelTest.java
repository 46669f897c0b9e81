package org.ebpfexporter.exporter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ebpfexporter.bpf.testing.KernelTest;
import org.ebpfexporter.exporter.E2eFiles;
import org.ebpfexporter.exporter.jmx.JmxFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attacks on the exporter's remote JMX (the exporter in one child JVM), each made from another
 * child JVM with JDK classes only ({@code JmxProbe.java}): with authentication off the view is
 * read-only; with a password file a {@code readonly} user is refused the same way, a
 * {@code readwrite} user gets full access, and a failed login never learns the password file's path.
 */
@KernelTest
class RemoteJmxAttackKernelTest {
    private static final String ERRORS = "org.ebpfexporter:config=exporter,name=decoder_errors_total";
    private static final String SECURITY = " REFUSED java.lang.SecurityException: ";
    private static final String DENIED = " REFUSED java.lang.SecurityException: Access denied: ";

    @TempDir
    Path dir;

    @Test
    @Timeout(240)
    void withoutAuthenticationClientsOnlyRead() throws Exception {
        E2eFiles.configDir(dir);
        int port = E2eFiles.freePort();
        Path vmLog = dir.resolve("vm.log");
        try (ExporterProcess exporter = start(port, "--jmx.insecure-no-authentication")) {
            List<String> lines = probe(List.of(), port,
                    "get|" + ERRORS + "|Total",
                    "get|java.lang:type=Memory|HeapMemoryUsage",
                    "get|java.lang:type=Threading|ThreadCount",
                    "get|java.lang:type=Runtime|VmVendor",
                    "get|java.lang:type=OperatingSystem|AvailableProcessors",
                    "get|java.lang:type=ClassLoading|LoadedClassCount",
                    "get|java.lang:type=Compilation|Name",
                    "info|java.lang:type=Threading",
                    "listen|JMImplementation:type=MBeanServerDelegate",
                    "query|*:*",
                    "dcmd|jvmtiAgentLoad|" + dir.resolve("agent.jar"),
                    "dcmd|vmLog|output=" + vmLog + " what=all",
                    "setVMOption|HeapDumpOnOutOfMemoryError|true",
                    "create|javax.management.timer.Timer|attack:type=Timer",
                    "set|java.lang:type=Memory|Verbose|true",
                    "unregister|" + ERRORS,
                    "smuggle|java.lang:type=Memory");
            assertEquals("get OK 0", lines.get(0));
            assertEquals("get OK java.lang.management.MemoryUsage", lines.get(1));
            assertTrue(Integer.parseInt(lines.get(2).substring("get OK ".length())) > 0, lines.get(2));
            assertEquals("get OK " + System.getProperty("java.vm.vendor"), lines.get(3));
            assertEquals("get OK " + Runtime.getRuntime().availableProcessors(), lines.get(4));
            assertTrue(Integer.parseInt(lines.get(5).substring("get OK ".length())) > 0, lines.get(5));
            assertTrue(lines.get(6).startsWith("get OK HotSpot"), lines.get(6));
            assertTrue(lines.get(7).startsWith("info OK ") && lines.get(7).contains("Thread"), lines.get(7));
            assertEquals("listen OK listening", lines.get(8));
            assertTrue(lines.get(9).startsWith("query OK ") && lines.get(9).contains(ERRORS)
                    && lines.get(9).contains("java.lang:type=Runtime"), lines.get(9));
            assertFalse(lines.get(9).contains("com.sun.management") || lines.get(9).contains("java.util.logging"),
                    lines.get(9));
            assertEquals("dcmd" + DENIED + "invoke needs readwrite access; remote JMX is read-only for this user",
                    lines.get(10));
            assertEquals(lines.get(10), lines.get(11));
            assertEquals("setVMOption" + DENIED + "invoke needs readwrite access; remote JMX is read-only for this user",
                    lines.get(12));
            assertEquals("create" + DENIED + "createMBean needs readwrite access; remote JMX is read-only for this user",
                    lines.get(13));
            assertEquals("set" + DENIED + "setAttribute needs readwrite access; remote JMX is read-only for this user",
                    lines.get(14));
            assertEquals("unregister" + DENIED + "unregisterMBean needs readwrite access; remote JMX is read-only for "
                    + "this user", lines.get(15));
            assertRejectedBeforeDeserializing(lines.get(16), "smuggle REFUSED ");
            assertEquals(17, lines.size(), lines.toString());
            assertFalse(Files.exists(vmLog), "vmLog wrote a file");

            List<String> smuggled = probe(List.of("-Djmx.credentials=map"), port);
            assertEquals(1, smuggled.size(), smuggled.toString());
            assertRejectedBeforeDeserializing(smuggled.getFirst(), "connect REFUSED ");

            assertTrue(exporter.isAlive(), exporter.output());
            assertEquals(0, exporter.stop(), exporter.output());
            assertTrue(exporter.output().contains("WARNING: remote JMX on 127.0.0.1:" + port + " has NO AUTHENTICATION"),
                    exporter.output());
        }
    }

    @Test
    @Timeout(240)
    void passwordsAndAccessLevels() throws Exception {
        E2eFiles.configDir(dir);
        Path passwords = JmxFiles.passwordFile(dir, "reader s3cret\nadmin t0p\n");
        Path access = JmxFiles.accessFile(dir, "reader readonly\nadmin readwrite\n");
        int port = E2eFiles.freePort();
        try (ExporterProcess exporter = start(port, "--jmx.password-file=" + passwords, "--jmx.access-file=" + access)) {
            assertEquals(List.of("connect" + SECURITY + "Authentication failed: credentials must be a user name and "
                    + "a password"), probe(List.of(), port, "get|" + ERRORS + "|Total"));
            assertEquals(List.of("connect" + SECURITY + "Authentication failed"),
                    probe(as("reader", "wrong"), port, "get|" + ERRORS + "|Total"));

            List<String> reader = probe(as("reader", "s3cret"), port, "get|" + ERRORS + "|Total",
                    "get|java.lang:type=Memory|HeapMemoryUsage", "dcmd|vmLog|disable", "setVMOption|PrintConcurrentLocks|true",
                    "create|javax.management.timer.Timer|attack:type=Timer", "set|java.lang:type=Memory|Verbose|true");
            assertEquals(List.of("get OK 0", "get OK java.lang.management.MemoryUsage",
                    "dcmd" + DENIED + "invoke needs readwrite access; remote JMX is read-only for this user",
                    "setVMOption" + DENIED + "invoke needs readwrite access; remote JMX is read-only for this user",
                    "create" + DENIED + "createMBean needs readwrite access; remote JMX is read-only for this user",
                    "set" + DENIED + "setAttribute needs readwrite access; remote JMX is read-only for this user"),
                    reader);

            List<String> admin = probe(as("admin", "t0p"), port, "dcmd|vmVersion|",
                    "setVMOption|PrintConcurrentLocks|true", "getVMOption|PrintConcurrentLocks",
                    "create|javax.management.timer.Timer|admin:type=Timer", "unregister|admin:type=Timer");
            assertTrue(admin.getFirst().startsWith("dcmd OK ") && admin.getFirst().contains("JDK"), admin.toString());
            assertEquals(List.of("setVMOption OK null", "getVMOption OK true", "create OK admin:type=Timer",
                    "unregister OK unregistered"), admin.subList(1, admin.size()));

            // The file goes missing while the exporter runs: the client learns nothing about it.
            Files.delete(passwords);
            List<String> lost = probe(as("reader", "s3cret"), port, "get|" + ERRORS + "|Total");
            assertEquals(List.of("connect" + SECURITY + "Authentication failed"), lost);
            assertTrue(exporter.output().contains("login of \"reader\" failed: Error: unable to load the password file: "
                    + passwords), exporter.output());
            assertEquals(0, exporter.stop(), exporter.output());
        }
    }

    /** The exporter with remote JMX on the port and the given flags, listening. */
    private ExporterProcess start(int port, String... jmxFlags) throws Exception {
        List<String> args = new ArrayList<>(List.of("--config.dir=" + dir, "--config.names=" + E2eFiles.CONFIG,
                "--web.listen-address=127.0.0.1:0", "--jmx.listen-address=127.0.0.1:" + port));
        args.addAll(List.of(jmxFlags));
        ExporterProcess exporter = ExporterProcess.start(dir, List.of(), args.toArray(String[]::new));
        try {
            return exporter.awaitListening(port);
        } catch (AssertionError | Exception e) {
            exporter.close();
            throw e;
        }
    }

    /** Runs JmxProbe.java (compiled once) in a JVM with JDK classes only against the exporter; its output. */
    private List<String> probe(List<String> jvmArgs, int port, String... actions) throws Exception {
        if (!Files.exists(dir.resolve("JmxProbe.class"))) {
            JdkTools.Run javac = JdkTools.run(dir, List.of("javac", "-d", dir.toString(),
                    E2eFiles.jmxProbe(dir).toString()));
            assertEquals(0, javac.status(), javac.lines().toString());
        }
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(jvmArgs);
        command.addAll(List.of("-cp", dir.toString(), "JmxProbe",
                "service:jmx:rmi:///jndi/rmi://127.0.0.1:" + port + "/jmxrmi"));
        command.addAll(List.of(actions));
        JdkTools.Run run = JdkTools.run(dir, command);
        assertEquals(0, run.status(), run.lines().toString());
        return run.lines();
    }

    private static List<String> as(String user, String password) {
        return List.of("-Djmx.user=" + user, "-Djmx.password=" + password);
    }

    /** The connector's object filter refused the client's object: RMI could not unmarshal it. */
    private static void assertRejectedBeforeDeserializing(String line, String prefix) {
        assertTrue(line.startsWith(prefix) && line.contains("java.io.InvalidClassException: filter status: REJECTED"),
                line);
    }
}
