package org.ebpfexporter.exporter.jmx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.management.MBeanServer;
import javax.management.MBeanServerConnection;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.ebpfexporter.exporter.http.ListenAddress;
import org.ebpfexporter.exporter.E2eFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Remote JMX on one port: the registry, the connector, authentication and access levels. */
class JmxRemoteTest {
    private static final ObjectName DELEGATE = name("JMImplementation:type=MBeanServerDelegate");

    private final MBeanServer server = MBeanServerFactory.newMBeanServer();

    @TempDir
    Path dir;

    @Test
    void servesTheRegistryAndTheConnectorOnOnePort() throws Exception {
        int port = E2eFiles.freePort();
        try (JmxRemote remote = JmxRemote.start(options(port, null, null), server)) {
            assertEquals(new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + port + "/jmxrmi"), remote.url());
            try (JMXConnector connector = JMXConnectorFactory.connect(remote.url())) {
                MBeanServerConnection connection = connector.getMBeanServerConnection();
                assertEquals(server.getMBeanCount(), connection.getMBeanCount());
                assertEquals(server.getAttribute(DELEGATE, "MBeanServerId"),
                        connection.getAttribute(DELEGATE, "MBeanServerId"));
            }
        }
    }

    @Test
    void passwordAndAccessFilesAreEnforced() throws Exception {
        Path passwords = Files.writeString(dir.resolve("jmxremote.password"), "reader s3cret\n");
        Path access = Files.writeString(dir.resolve("jmxremote.access"), "reader readonly\n");
        int port = E2eFiles.freePort();
        try (JmxRemote remote = JmxRemote.start(options(port, passwords, access), server)) {
            assertThrows(SecurityException.class, () -> JMXConnectorFactory.connect(remote.url()));
            assertThrows(SecurityException.class, () -> JMXConnectorFactory.connect(remote.url(),
                    Map.of(JMXConnector.CREDENTIALS, new String[] {"reader", "wrong"})));
            try (JMXConnector connector = JMXConnectorFactory.connect(remote.url(),
                    Map.of(JMXConnector.CREDENTIALS, new String[] {"reader", "s3cret"}))) {
                MBeanServerConnection connection = connector.getMBeanServerConnection();
                assertEquals(server.getAttribute(DELEGATE, "MBeanServerId"),
                        connection.getAttribute(DELEGATE, "MBeanServerId"));
                // readonly: no MBean may be created or changed.
                assertThrows(SecurityException.class,
                        () -> connection.unregisterMBean(name("JMImplementation:type=MBeanServerDelegate")));
            }
        }
    }

    @Test
    void aTakenPortFailsNamingTheAddress() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 0, java.net.InetAddress.getByName("127.0.0.1"))) {
            IOException e = assertThrows(IOException.class,
                    () -> JmxRemote.start(options(taken.getLocalPort(), null, null), server));
            assertTrue(e.getMessage().startsWith("cannot listen for JMX on 127.0.0.1:" + taken.getLocalPort() + ": "),
                    e.getMessage());
        }
    }

    @Test
    void optionsAreChecked() {
        ListenAddress address = ListenAddress.parse("127.0.0.1:9999");
        Path file = Path.of("jmxremote.password");
        assertEquals("--jmx.password-file, --jmx.access-file and --jmx.ssl need --jmx.listen-address",
                assertThrows(IllegalArgumentException.class, () -> new JmxOptions(null, file, null, false)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new JmxOptions(null, null, null, true));
        assertEquals("--jmx.listen-address needs a fixed port: the RMI registry and connector share it",
                assertThrows(IllegalArgumentException.class,
                        () -> new JmxOptions(ListenAddress.parse("127.0.0.1:0"), null, null, false)).getMessage());
        assertEquals("--jmx.access-file needs --jmx.password-file",
                assertThrows(IllegalArgumentException.class, () -> new JmxOptions(address, null, file, false)).getMessage());
    }

    private static JmxOptions options(int port, Path passwords, Path access) {
        return new JmxOptions(ListenAddress.parse("127.0.0.1:" + port), passwords, access, false);
    }


    private static ObjectName name(String text) {
        try {
            return new ObjectName(text);
        } catch (javax.management.MalformedObjectNameException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
