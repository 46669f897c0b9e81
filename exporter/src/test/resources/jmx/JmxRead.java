import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import javax.rmi.ssl.SslRMIClientSocketFactory;

/**
 * A JMX client made of JDK classes only, run in single-file source mode: connects to the URL in
 * the first argument and prints every row of the Series attribute of each further ObjectName as
 * "name label=value... value" (counters, gauges) or "name label=value... count=N sum=S le=B,..."
 * (histograms, with the bucket bounds in the order of the buckets' index, as consoles sort them).
 * An argument "OBJECTNAME#Attribute" prints that one attribute instead, as
 * "keys Attribute=value". With {@code -Djmx.ssl=true} it connects over TLS (registry included), trusting
 * the {@code javax.net.ssl.trustStore} (and presenting the {@code javax.net.ssl.keyStore}, if any);
 * with {@code -Djmx.user} it logs in as that user with {@code -Djmx.password}.
 */
public class JmxRead {
    public static void main(String[] args) throws Exception {
        Map<String, Object> env = new HashMap<>();
        if (Boolean.getBoolean("jmx.ssl")) {
            // The registry speaks TLS too, as with com.sun.management.jmxremote.registry.ssl.
            env.put("com.sun.jndi.rmi.factory.socket", new SslRMIClientSocketFactory());
        }
        if (System.getProperty("jmx.user") != null) {
            env.put(JMXConnector.CREDENTIALS,
                    new String[] {System.getProperty("jmx.user"), System.getProperty("jmx.password")});
        }
        try (JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(args[0]), env)) {
            MBeanServerConnection connection = connector.getMBeanServerConnection();
            for (int i = 1; i < args.length; i++) {
                if (args[i].contains("#")) {
                    ObjectName name = new ObjectName(args[i].substring(0, args[i].indexOf('#')));
                    String attribute = args[i].substring(args[i].indexOf('#') + 1);
                    System.out.println(name.getKeyPropertyListString() + " " + attribute + "="
                            + connection.getAttribute(name, attribute));
                    continue;
                }
                ObjectName name = new ObjectName(args[i]);
                TabularData series = (TabularData) connection.getAttribute(name, "Series");
                for (Object row : series.values()) {
                    CompositeData data = (CompositeData) row;
                    List<String> labels = new ArrayList<>();
                    for (String key : series.getTabularType().getIndexNames()) {
                        labels.add(key + "=" + data.get(key));
                    }
                    String value = data.containsKey("value") ? String.valueOf(data.get("value"))
                            : "count=" + data.get("count") + " sum=" + data.get("sum") + " le=" + bounds(data);
                    System.out.println(name.getKeyProperty("name") + " " + String.join(",", labels) + " " + value);
                }
            }
        }
    }

    /** The le column of a row's buckets, ordered by their index as JConsole orders rows. */
    @SuppressWarnings("unchecked")
    private static String bounds(CompositeData row) {
        TabularData buckets = (TabularData) row.get("buckets");
        List<CompositeData> rows = new ArrayList<>((java.util.Collection<CompositeData>) buckets.values());
        String index = buckets.getTabularType().getIndexNames().getFirst();
        rows.sort(java.util.Comparator.comparing(r -> (Comparable<Object>) r.get(index)));
        List<String> bounds = new ArrayList<>();
        for (CompositeData r : rows) {
            bounds.add(String.valueOf(r.get("le")));
        }
        return String.join(",", bounds);
    }
}
