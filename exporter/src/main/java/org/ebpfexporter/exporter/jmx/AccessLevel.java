package org.ebpfexporter.exporter.jmx;

/** A remote JMX user's access, spelled as in the JDK's {@code jmxremote.access}. */
enum AccessLevel {
    /** The read-only view of {@link ReadOnlyView}. */
    READONLY("readonly"),
    /** Everything the platform MBean server offers. */
    READWRITE("readwrite");

    private final String spelling;

    AccessLevel(String spelling) {
        this.spelling = spelling;
    }

    /** The level spelled {@code text}, or {@code null} when no level is spelled so. */
    static AccessLevel parse(String text) {
        for (AccessLevel level : values()) {
            if (level.spelling.equals(text)) {
                return level;
            }
        }
        return null;
    }
}
