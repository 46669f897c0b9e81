package org.ebpfexporter.exporter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ebpfexporter.bpf.testing.KernelTest;
import org.ebpfexporter.exporter.E2eFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --jmx.ssl}: the exporter in a child JVM serves remote JMX over TLS with the key store of
 * the standard {@code javax.net.ssl.*} properties; a JDK-only client trusting it reads the MBeans,
 * and a client without TLS cannot.
 */
@KernelTest
class JmxTlsKernelTest {
    private static final String PASSWORD = "changeit";
    private static final String ERRORS = "ebpf_exporter:type=Counter,config=exporter,name=decoder_errors_total";

    @TempDir
    Path dir;

    @Test
    @Timeout(180)
    void remoteJmxOverTls() throws Exception {
        E2eFiles.configDir(dir);
        Path keyStore = dir.resolve("jmx.p12");
        assertEquals(0, run(List.of(tool("keytool"), "-genkeypair", "-alias", "jmx", "-keyalg", "RSA", "-keysize",
                "2048", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype",
                "PKCS12", "-keystore", keyStore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)));
        int port = E2eFiles.freePort();
        Process exporter = new ProcessBuilder(tool("java"), "--enable-native-access=ALL-UNNAMED",
                "-Djavax.net.ssl.keyStore=" + keyStore, "-Djavax.net.ssl.keyStorePassword=" + PASSWORD,
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "--config.dir=" + dir,
                "--config.names=" + E2eFiles.CONFIG, "--web.listen-address=127.0.0.1:0",
                "--jmx.listen-address=127.0.0.1:" + port, "--jmx.ssl")
                .redirectErrorStream(true).redirectOutput(dir.resolve("exporter.txt").toFile()).start();
        try {
            awaitListening(port);
            String url = "service:jmx:rmi:///jndi/rmi://127.0.0.1:" + port + "/jmxrmi";
            Path client = E2eFiles.jmxClient(dir);
            assertEquals(0, run(List.of(tool("java"), "-Djmx.ssl=true", "-Djavax.net.ssl.trustStore=" + keyStore,
                    "-Djavax.net.ssl.trustStorePassword=" + PASSWORD, client.toString(), url, ERRORS)),
                    Files.readString(dir.resolve("client.txt")));
            assertEquals(List.of("decoder_errors_total config=e2e_syscalls 0.0"),
                    Files.readAllLines(dir.resolve("client.txt")));
            assertNotEquals(0, run(List.of(tool("java"), client.toString(), url, ERRORS)),
                    "a client without TLS must not get in");
            exporter.destroy();
            assertTrue(exporter.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, exporter.exitValue(), Files.readString(dir.resolve("exporter.txt")));
            assertTrue(Files.readString(dir.resolve("exporter.txt")).contains("with TLS"));
        } finally {
            exporter.destroyForcibly().waitFor();
        }
    }

    /** Runs a JDK tool with no class path; its output goes to client.txt. */
    private int run(List<String> command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(dir.resolve("client.txt").toFile());
        builder.environment().remove("CLASSPATH");
        builder.environment().remove("JDK_JAVA_OPTIONS");
        Process process = builder.start();
        assertTrue(process.waitFor(90, TimeUnit.SECONDS), String.join(" ", command));
        return process.exitValue();
    }

    private static void awaitListening(int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("JMX port " + port + " never opened");
    }

    private static String tool(String name) {
        return Path.of(System.getProperty("java.home"), "bin", name).toString();
    }

}
