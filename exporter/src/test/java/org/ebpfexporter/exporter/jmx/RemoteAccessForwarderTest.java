package org.ebpfexporter.exporter.jmx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import javax.management.Attribute;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import javax.management.Query;
import javax.management.StandardMBean;
import javax.management.remote.JMXPrincipal;
import javax.security.auth.Subject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** What the forwarder lets through from the platform MBean server, by access level. */
class RemoteAccessForwarderTest {
    private static final ObjectName OWN = name("org.ebpfexporter:config=test,name=forwarder");
    private static final ObjectName MEMORY = name("java.lang:type=Memory");
    private static final ObjectName THREADING = name("java.lang:type=Threading");
    private static final ObjectName DIAGNOSTIC_COMMAND = name("com.sun.management:type=DiagnosticCommand");
    private static final ObjectName HOTSPOT_DIAGNOSTIC = name("com.sun.management:type=HotSpotDiagnostic");

    private final MBeanServer platform = ManagementFactory.getPlatformMBeanServer();
    private RemoteAccessForwarder forwarder;

    @TempDir
    Path dir;

    /** A read-write MBean of the exporter's domain. */
    public interface TestMBean {
        int getValue();

        void setValue(int value);
    }

    @BeforeEach
    void setUp() throws Exception {
        platform.registerMBean(new StandardMBean(new TestMBean() {
            private int value = 7;

            @Override
            public int getValue() {
                return value;
            }

            @Override
            public void setValue(int value) {
                this.value = value;
            }
        }, TestMBean.class), OWN);
        forwarder = new RemoteAccessForwarder(AccessRules.read(
                JmxFiles.accessFile(dir, "reader readonly\nadmin readwrite\n")));
        forwarder.setMBeanServer(platform);
    }

    @AfterEach
    void tearDown() throws Exception {
        platform.unregisterMBean(OWN);
    }

    @Test
    void readOnlyCallersSeeTheViewOnly() throws Exception {
        for (Subject subject : new Subject[] {null, user("reader")}) {
            as(subject, () -> {
                Set<ObjectName> names = forwarder.queryNames(null, null);
                assertTrue(names.containsAll(List.of(OWN, MEMORY, THREADING, name("java.lang:type=Runtime"),
                        name("java.lang:type=OperatingSystem"), name("java.lang:type=ClassLoading"),
                        name("java.lang:type=Compilation"), name("JMImplementation:type=MBeanServerDelegate"))), names.toString());
                assertTrue(names.stream().allMatch(ReadOnlyView::contains), names.toString());
                assertTrue(names.containsAll(platform.queryNames(name("java.lang:type=GarbageCollector,*"), null)));
                assertEquals(names.size(), forwarder.getMBeanCount());
                assertEquals(Set.of("JMImplementation", "org.ebpfexporter", "java.lang", "java.nio"),
                        Set.of(forwarder.getDomains()));
                assertEquals(Set.of(), forwarder.queryNames(name("com.sun.management:*"), null));
                assertEquals(Set.of(OWN), forwarder.queryMBeans(OWN, null).stream()
                        .map(javax.management.ObjectInstance::getObjectName).collect(java.util.stream.Collectors.toSet()));
                assertFalse(forwarder.isRegistered(DIAGNOSTIC_COMMAND));
                assertTrue(forwarder.isRegistered(MEMORY));
                assertEquals(7, forwarder.getAttribute(OWN, "Value"));
                assertTrue((Integer) forwarder.getAttribute(THREADING, "ThreadCount") > 0);
                assertEquals(platform.getMBeanInfo(OWN).getClassName(), forwarder.getMBeanInfo(OWN).getClassName());
                assertTrue(forwarder.isInstanceOf(MEMORY, "java.lang.management.MemoryMXBean"));
                return null;
            });
        }
    }

    @Test
    void readOnlyCallersCannotChangeAnything() throws Exception {
        for (Subject subject : new Subject[] {null, user("reader")}) {
            as(subject, () -> {
                refused(() -> forwarder.invoke(DIAGNOSTIC_COMMAND, "vmLog", new Object[] {new String[] {"disable"}},
                        new String[] {String[].class.getName()}));
                refused(() -> forwarder.invoke(HOTSPOT_DIAGNOSTIC, "setVMOption",
                        new Object[] {"HeapDumpOnOutOfMemoryError", "true"},
                        new String[] {String.class.getName(), String.class.getName()}));
                refused(() -> forwarder.invoke(MEMORY, "gc", null, null));
                refused(() -> forwarder.setAttribute(OWN, new Attribute("Value", 8)));
                refused(() -> forwarder.setAttributes(MEMORY, new javax.management.AttributeList()));
                refused(() -> forwarder.createMBean("javax.management.timer.Timer", name("test:type=Timer")));
                refused(() -> forwarder.unregisterMBean(OWN));
                refused(() -> forwarder.registerMBean(new javax.management.timer.Timer(), name("test:type=Timer")));
                refused(() -> forwarder.instantiate("javax.management.timer.Timer"));
                refused(() -> forwarder.addNotificationListener(MEMORY, OWN, null, null));
                refused(() -> forwarder.getAttribute(HOTSPOT_DIAGNOSTIC, "DiagnosticOptions"));
                refused(() -> forwarder.getMBeanInfo(DIAGNOSTIC_COMMAND));
                refused(() -> forwarder.isInstanceOf(DIAGNOSTIC_COMMAND, "javax.management.NotificationBroadcaster"));
                assertEquals(7, platform.getAttribute(OWN, "Value"));
                return null;
            });
        }
    }

    @Test
    void queriesReadAttributesThroughTheView() throws Exception {
        // A query over every MBean reading an attribute: hidden MBeans neither match nor get read.
        Set<ObjectName> matched = forwarder.queryNames(null, Query.eq(Query.attr("Verbose"), Query.value(
                (Boolean) platform.getAttribute(MEMORY, "Verbose"))));
        assertTrue(matched.contains(MEMORY), matched.toString());
        assertTrue(matched.stream().allMatch(ReadOnlyView::contains), matched.toString());
        assertEquals(Set.of(), forwarder.queryNames(name("com.sun.management:*"),
                Query.isInstanceOf(Query.value("com.sun.management.HotSpotDiagnosticMXBean"))));
    }

    @Test
    void readWriteCallersHaveFullAccess() throws Exception {
        as(user("admin"), () -> {
            assertTrue(forwarder.queryNames(null, null).containsAll(List.of(DIAGNOSTIC_COMMAND, HOTSPOT_DIAGNOSTIC)));
            assertEquals(platform.getMBeanCount(), forwarder.getMBeanCount());
            forwarder.setAttribute(OWN, new Attribute("Value", 8));
            assertEquals(8, platform.getAttribute(OWN, "Value"));
            String version = (String) forwarder.invoke(DIAGNOSTIC_COMMAND, "vmVersion", new Object[] {new String[0]},
                    new String[] {String[].class.getName()});
            assertTrue(version.contains(System.getProperty("java.vm.version")), version);
            return null;
        });
    }

    private static void refused(Executable call) {
        assertThrows(SecurityException.class, call);
    }

    private static <T> T as(Subject subject, Callable<T> action) throws Exception {
        return subject == null ? action.call() : Subject.callAs(subject, action);
    }

    private static Subject user(String name) {
        return new Subject(true, Set.of(new JMXPrincipal(name)), Set.of(), Set.of());
    }

    private static ObjectName name(String text) {
        try {
            return new ObjectName(text);
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
