package org.ebpfexporter.exporter.jmx;

import java.util.List;
import java.util.stream.Stream;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import org.ebpfexporter.jmx.JmxBridge;

/**
 * The MBeans a remote client without {@code readwrite} access sees: the exporter's own, the MBean
 * server delegate (JConsole listens to it) and the platform MXBeans that only report: memory,
 * memory pools and managers, garbage collectors, threads, runtime, operating system, class
 * loading, compilation and buffer pools. Not {@code DiagnosticCommand}, {@code HotSpotDiagnostic},
 * logging or Flight Recorder, whose operations change or inspect the JVM beyond reading.
 */
final class ReadOnlyView {
    private static final List<ObjectName> VISIBLE = Stream.of(JmxBridge.DEFAULT_DOMAIN + ":*",
            "JMImplementation:type=MBeanServerDelegate",
            "java.lang:type=Memory", "java.lang:type=MemoryPool,*", "java.lang:type=MemoryManager,*",
            "java.lang:type=GarbageCollector,*", "java.lang:type=Threading", "java.lang:type=Runtime",
            "java.lang:type=OperatingSystem", "java.lang:type=ClassLoading", "java.lang:type=Compilation",
            "java.nio:type=BufferPool,*").map(ReadOnlyView::name).toList();

    private ReadOnlyView() {}

    /** Whether the view holds the MBean of this name; never for a pattern. */
    static boolean contains(ObjectName name) {
        return name != null && !name.isPattern() && VISIBLE.stream().anyMatch(visible -> visible.apply(name));
    }

    private static ObjectName name(String text) {
        try {
            return new ObjectName(text);
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
