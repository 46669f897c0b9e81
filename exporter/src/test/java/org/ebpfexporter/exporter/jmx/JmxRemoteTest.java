package org.ebpfexporter.exporter.jmx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.management.Attribute;
import javax.management.MBeanServer;
import javax.management.MBeanServerConnection;
import javax.management.MBeanServerFactory;
import javax.management.Notification;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import javax.management.timer.Timer;
import org.ebpfexporter.exporter.E2eFiles;
import org.ebpfexporter.exporter.http.ListenAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Remote JMX on one port: the registry, the connector, authentication, access levels and warnings. */
class JmxRemoteTest {
    private static final ObjectName DELEGATE = name("JMImplementation:type=MBeanServerDelegate");

    private final MBeanServer server = MBeanServerFactory.newMBeanServer();

    @TempDir
    Path dir;

    @Test
    void servesTheRegistryAndTheConnectorOnOnePort() throws Exception {
        int port = E2eFiles.freePort();
        try (JmxRemote remote = JmxRemote.start(insecure("127.0.0.1:" + port), server)) {
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
        Path passwords = JmxFiles.passwordFile(dir, "reader s3cret\nadmin t0p\nstranger n0body\n");
        Path access = JmxFiles.accessFile(dir, "reader readonly\nadmin readwrite\n");
        int port = E2eFiles.freePort();
        JmxOptions options = new JmxOptions(ListenAddress.parse("127.0.0.1:" + port), passwords, access, false, false,
                false);
        try (JmxRemote remote = JmxRemote.start(options, server)) {
            assertEquals("Authentication failed: credentials must be a user name and a password",
                    assertThrows(SecurityException.class, () -> JMXConnectorFactory.connect(remote.url())).getMessage());
            assertEquals("Authentication failed", assertThrows(SecurityException.class,
                    () -> connect(remote, "reader", "wrong")).getMessage());
            assertEquals("Authentication failed", assertThrows(SecurityException.class,
                    () -> connect(remote, "stranger", "n0body")).getMessage(), "no entry in the access file");
            ObjectName timer = name("test:type=Timer");
            try (JMXConnector connector = connect(remote, "reader", "s3cret")) {
                MBeanServerConnection connection = connector.getMBeanServerConnection();
                assertEquals(server.getAttribute(DELEGATE, "MBeanServerId"),
                        connection.getAttribute(DELEGATE, "MBeanServerId"));
                assertThrows(SecurityException.class, () -> connection.unregisterMBean(DELEGATE));
                assertThrows(SecurityException.class,
                        () -> connection.createMBean("javax.management.timer.Timer", timer));
            }
            try (JMXConnector connector = connect(remote, "admin", "t0p")) {
                MBeanServerConnection connection = connector.getMBeanServerConnection();
                connection.createMBean("javax.management.timer.Timer", timer);
                connection.setAttribute(timer, new Attribute("SendPastNotifications", true));
                assertEquals(true, connection.getAttribute(timer, "SendPastNotifications"));
                connection.invoke(timer, "start", null, null);
                assertEquals(true, connection.getAttribute(timer, "Active"));
                connection.unregisterMBean(timer);
            }
        }
    }

    @Test
    void notificationsOfTheViewForReadersOfEveryMBeanForReadWriteUsers() throws Exception {
        ObjectName timer = name("test:type=Timer");
        server.registerMBean(new Timer(), timer);
        Path passwords = JmxFiles.passwordFile(dir, "reader s3cret\nadmin t0p\n");
        Path access = JmxFiles.accessFile(dir, "reader readonly\nadmin readwrite\n");
        int port = E2eFiles.freePort();
        JmxOptions options = new JmxOptions(ListenAddress.parse("127.0.0.1:" + port), passwords, access, false, false,
                false);
        BlockingQueue<Notification> received = new LinkedBlockingQueue<>();
        try (JmxRemote remote = JmxRemote.start(options, server);
             JMXConnector reader = connect(remote, "reader", "s3cret");
             JMXConnector admin = connect(remote, "admin", "t0p")) {
            // The reader subscribes first, so the connector's notification buffer starts under the reader.
            reader.getMBeanServerConnection().addNotificationListener(DELEGATE, (n, h) -> { }, null, null);
            assertThrows(SecurityException.class, () -> reader.getMBeanServerConnection()
                    .addNotificationListener(timer, (n, h) -> received.add(n), null, null));
            admin.getMBeanServerConnection().addNotificationListener(timer, (n, h) -> received.add(n), null, null);
            server.invoke(timer, "addNotification", new Object[] {"test.tick", "tick", null, new Date()},
                    new String[] {String.class.getName(), String.class.getName(), Object.class.getName(),
                            Date.class.getName()});
            server.setAttribute(timer, new Attribute("SendPastNotifications", true));
            server.invoke(timer, "start", null, null);
            Notification tick = received.poll(30, TimeUnit.SECONDS);
            assertEquals("test.tick", tick == null ? null : tick.getType());
        }
    }

    @Test
    void aTakenPortFailsNamingTheAddress() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 0, java.net.InetAddress.getByName("127.0.0.1"))) {
            IOException e = assertThrows(IOException.class,
                    () -> JmxRemote.start(insecure("127.0.0.1:" + taken.getLocalPort()), server));
            assertTrue(e.getMessage().startsWith("cannot listen for JMX on 127.0.0.1:" + taken.getLocalPort() + ": "),
                    e.getMessage());
        }
    }

    @Test
    void noAuthenticationLogsAWarning() throws Exception {
        int port = E2eFiles.freePort();
        List<LogRecord> records = recordLogs(() -> JmxRemote.start(insecure("127.0.0.1:" + port), server).close());
        assertEquals(List.of("remote JMX on 127.0.0.1:" + port + " has NO AUTHENTICATION "
                        + "(--jmx.insecure-no-authentication): anyone who reaches the port, every local user included, "
                        + "reads the exporter's MBeans and the JVM's memory, threads, runtime (system properties, "
                        + "arguments) and operating system MBeans"),
                warnings(records));
    }

    @Test
    void everyInterfaceLogsAWarning() throws Exception {
        Path passwords = JmxFiles.passwordFile(dir, "reader s3cret\n");
        int port = E2eFiles.freePort();
        JmxOptions options = new JmxOptions(ListenAddress.parse(":" + port), passwords, null, false, false, false);
        List<LogRecord> records = recordLogs(() -> JmxRemote.start(options, server).close());
        assertEquals(List.of("remote JMX listens on every interface (:" + port + "), reachable from other machines; "
                + "to listen on one, give its address: --jmx.listen-address=127.0.0.1:" + port), warnings(records));
    }

    private static JMXConnector connect(JmxRemote remote, String user, String password) throws IOException {
        return JMXConnectorFactory.connect(remote.url(), Map.of(JMXConnector.CREDENTIALS, new String[] {user, password}));
    }

    private static JmxOptions insecure(String address) {
        return new JmxOptions(ListenAddress.parse(address), null, null, false, false, true);
    }

    /** Runs the action while recording what JmxRemote logs. */
    private static List<LogRecord> recordLogs(Action action) throws Exception {
        Logger logger = Logger.getLogger(JmxRemote.class.getName());
        List<LogRecord> records = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public synchronized void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        logger.addHandler(handler);
        try {
            action.run();
        } finally {
            logger.removeHandler(handler);
        }
        return records;
    }

    private static List<String> warnings(List<LogRecord> records) {
        return records.stream().filter(r -> r.getLevel() == Level.WARNING)
                .map(r -> java.text.MessageFormat.format(r.getMessage(), r.getParameters())).toList();
    }

    private interface Action {
        void run() throws Exception;
    }

    private static ObjectName name(String text) {
        try {
            return new ObjectName(text);
        } catch (javax.management.MalformedObjectNameException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
