package org.ebpfexporter.exporter.jmx;

/**
 * What a remote JMX client may send, as {@link java.io.ObjectInputFilter} patterns for the
 * connector. Arguments, attribute values, queries and notification filters are deserialized
 * before any access check can look at the call, so only the classes legitimate clients send are
 * accepted: JMX's own (names, attributes, queries, notification filters), open types and the JDK
 * values and collections they are made of. Everything else, the classes of deserialization
 * gadgets among them, is rejected before it is created.
 */
final class ClientObjectFilter {
    /** Before login: a user name and a password, nothing else, as the JDK agent accepts. */
    static final String CREDENTIALS = "java.lang.String;!*";

    /** After login: every object of every call, including the content of marshalled arguments. */
    static final String CALLS = String.join(";",
            // Bounds on nesting and size: open types nest a few levels, clients send small values.
            "maxdepth=20", "maxrefs=10000", "maxarray=100000",
            // java.lang.Object for Object[] (arguments, Vector's elements); a plain Object cannot be serialized.
            "java.lang.Object",
            "java.lang.String", "java.lang.Boolean", "java.lang.Character", "java.lang.Number", "java.lang.Byte",
            "java.lang.Short", "java.lang.Integer", "java.lang.Long", "java.lang.Float", "java.lang.Double",
            "java.math.BigInteger", "java.math.BigDecimal", "java.util.Date",
            "java.util.ArrayList", "java.util.Vector", "java.util.HashMap", "java.util.LinkedHashMap",
            "java.util.TreeMap", "java.util.Collections$Unmodifiable*",
            "java.rmi.MarshalledObject",
            "javax.management.*", "javax.management.openmbean.*",
            "javax.management.relation.MBeanServerNotificationFilter",
            "!*");

    private ClientObjectFilter() {}
}
