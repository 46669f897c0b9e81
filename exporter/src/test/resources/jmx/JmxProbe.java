import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import javax.management.Attribute;
import javax.management.MBeanServerConnection;
import javax.management.NotificationFilterSupport;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * A JMX client made of JDK classes only, run in single-file source mode, that tries what an
 * attacker or an operator would: connects to the URL in the first argument (as user
 * {@code -Djmx.user} with {@code -Djmx.password}, or sending {@code -Djmx.credentials=map}, a
 * HashMap, as credentials) and performs each further argument, an action whose parts are
 * separated by {@code |}. Prints one line per action: {@code ACTION OK RESULT} or
 * {@code ACTION REFUSED CLASS: MESSAGE <- CAUSE...}; a refused connection prints
 * {@code connect REFUSED ...} and ends the run.
 *
 * <p>Actions: {@code get|NAME|ATTRIBUTE}, {@code query|PATTERN}, {@code info|NAME},
 * {@code listen|NAME}, {@code dcmd|OPERATION|ARGUMENTS} (DiagnosticCommand),
 * {@code setVMOption|OPTION|VALUE}, {@code getVMOption|OPTION} (HotSpotDiagnostic),
 * {@code create|CLASS|NAME}, {@code set|NAME|ATTRIBUTE|BOOLEAN}, {@code unregister|NAME},
 * {@code smuggle|NAME} (invokes with an argument of a class no JMX client needs).
 */
public class JmxProbe {
    private static final String DIAGNOSTIC_COMMAND = "com.sun.management:type=DiagnosticCommand";
    private static final String HOTSPOT_DIAGNOSTIC = "com.sun.management:type=HotSpotDiagnostic";

    public static void main(String[] args) throws Exception {
        Map<String, Object> env = new HashMap<>();
        if (System.getProperty("jmx.user") != null) {
            env.put(JMXConnector.CREDENTIALS,
                    new String[] {System.getProperty("jmx.user"), System.getProperty("jmx.password")});
        }
        if ("map".equals(System.getProperty("jmx.credentials"))) {
            env.put(JMXConnector.CREDENTIALS, new HashMap<>(Map.of("user", "nobody")));
        }
        JMXConnector connector;
        try {
            connector = JMXConnectorFactory.connect(new JMXServiceURL(args[0]), env);
        } catch (Exception e) {
            System.out.println("connect REFUSED " + describe(e));
            return;
        }
        try (connector) {
            MBeanServerConnection connection = connector.getMBeanServerConnection();
            for (int i = 1; i < args.length; i++) {
                String[] parts = args[i].split("\\|", -1);
                String result;
                try {
                    result = "OK " + perform(connection, parts);
                } catch (Exception e) {
                    result = "REFUSED " + describe(e);
                }
                System.out.println(parts[0] + " " + result);
            }
        }
    }

    private static String perform(MBeanServerConnection connection, String[] parts) throws Exception {
        return switch (parts[0]) {
            case "get" -> show(connection.getAttribute(new ObjectName(parts[1]), parts[2]));
            case "query" -> String.join(" ", new TreeSet<>(connection.queryNames(new ObjectName(parts[1]), null)
                    .stream().map(ObjectName::toString).toList()));
            case "info" -> connection.getMBeanInfo(new ObjectName(parts[1])).getClassName();
            case "listen" -> {
                NotificationFilterSupport filter = new NotificationFilterSupport();
                filter.enableType("jmx.mbean.registered");
                connection.addNotificationListener(new ObjectName(parts[1]), (n, h) -> { }, filter, null);
                yield "listening";
            }
            case "dcmd" -> show(connection.invoke(new ObjectName(DIAGNOSTIC_COMMAND), parts[1],
                    new Object[] {parts[2].isEmpty() ? new String[0] : parts[2].split(" ")},
                    new String[] {String[].class.getName()}));
            case "setVMOption" -> show(connection.invoke(new ObjectName(HOTSPOT_DIAGNOSTIC), "setVMOption",
                    new Object[] {parts[1], parts[2]}, new String[] {String.class.getName(), String.class.getName()}));
            case "getVMOption" -> show(((CompositeData) connection.invoke(new ObjectName(HOTSPOT_DIAGNOSTIC),
                    "getVMOption", new Object[] {parts[1]}, new String[] {String.class.getName()})).get("value"));
            case "create" -> connection.createMBean(parts[1], new ObjectName(parts[2])).getObjectName().toString();
            case "set" -> {
                connection.setAttribute(new ObjectName(parts[1]), new Attribute(parts[2], Boolean.valueOf(parts[3])));
                yield "set";
            }
            case "unregister" -> {
                connection.unregisterMBean(new ObjectName(parts[1]));
                yield "unregistered";
            }
            case "smuggle" -> show(connection.invoke(new ObjectName(parts[1]), "anything",
                    new Object[] {new ConcurrentHashMap<>(Map.of("k", "v"))}, new String[] {Map.class.getName()}));
            default -> throw new IllegalArgumentException("unknown action " + parts[0]);
        };
    }

    /** A value on one line: composite data by its type name, everything else as its string. */
    private static String show(Object value) {
        if (value instanceof CompositeData data) {
            return data.getCompositeType().getTypeName();
        }
        return String.valueOf(value).replaceAll("\\R", " ").strip();
    }

    /** The exception and its causes on one line. */
    private static String describe(Throwable e) {
        List<String> chain = new ArrayList<>();
        for (Throwable t = e; t != null; t = t.getCause()) {
            chain.add(t.getClass().getName() + ": " + String.valueOf(t.getMessage()).replaceAll("\\R", " "));
        }
        return String.join(" <- ", chain);
    }
}
