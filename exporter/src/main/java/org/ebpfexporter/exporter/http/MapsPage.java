package org.ebpfexporter.exporter.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.ebpfexporter.exporter.collector.MapDump;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code /maps}, served with {@code --debug} only: every metric's map read afresh, as plain text
 * grouped by config and map, one line per entry with its raw key in hex, its decoded labels (or
 * why there are none) and its value, or its values per CPU slot for a per-CPU map.
 */
public final class MapsPage implements Page {
    /** The path served. */
    public static final String PATH = "/maps";

    private static final System.Logger logger = System.getLogger(MapsPage.class.getName());

    private final Supplier<List<MapDump>> maps;

    /** @param maps reads every map now */
    public MapsPage(Supplier<List<MapDump>> maps) {
        this.maps = maps;
    }

    @Override
    public void serve(Request request, Response response, Callback callback, Duration timeout) {
        String text;
        int status = HttpStatus.OK_200;
        try {
            text = format(maps.get());
        } catch (RuntimeException e) {
            logger.log(System.Logger.Level.WARNING, "reading the maps failed", e);
            status = HttpStatus.INTERNAL_SERVER_ERROR_500;
            text = "reading the maps failed: " + e + "\n";
        }
        PlainText.send(request, response, callback, status, text, timeout);
    }

    /** The page's text: a {@code config} line, then per map a {@code map} line and its entries. */
    static String format(List<MapDump> dumps) {
        Map<String, List<MapDump>> byConfig = new LinkedHashMap<>();
        for (MapDump dump : dumps) {
            byConfig.computeIfAbsent(dump.config(), c -> new ArrayList<>()).add(dump);
        }
        StringBuilder text = new StringBuilder();
        byConfig.forEach((config, configDumps) -> {
            text.append("config ").append(config).append('\n');
            for (MapDump dump : configDumps) {
                text.append("  map ").append(dump.map()).append(" labels=[")
                        .append(String.join(",", dump.labelNames())).append(']');
                if (dump.cpuLabel() != null) {
                    text.append(" cpu_label=").append(dump.cpuLabel());
                }
                if (dump.error() != null) {
                    text.append(" error=").append(dump.error()).append('\n');
                    continue;
                }
                text.append(" entries=").append(dump.entries().size()).append('\n');
                dump.entries().forEach(entry -> entry(text, dump.labelNames(), entry));
            }
        });
        return text.toString();
    }

    private static void entry(StringBuilder text, List<String> names, MapDump.Entry entry) {
        text.append("    key=").append(entry.key()).append(" labels=");
        if (entry.labels() == null) {
            text.append('(').append(entry.problem()).append(')');
        } else {
            text.append('{');
            for (int i = 0; i < names.size(); i++) {
                text.append(i == 0 ? "" : ",").append(names.get(i)).append("=\"")
                        .append(escape(entry.labels().get(i))).append('"');
            }
            text.append('}');
        }
        long[] values = entry.values();
        text.append(values.length == 1 ? " value=" : " values=");
        for (int cpu = 0; cpu < values.length; cpu++) {
            text.append(cpu == 0 ? "" : ",").append(Long.toUnsignedString(values[cpu]));
        }
        text.append('\n');
    }

    /** Label values as the text exposition writes them, so that every entry stays on one line. */
    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
