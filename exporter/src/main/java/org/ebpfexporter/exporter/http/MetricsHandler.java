package org.ebpfexporter.exporter.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;
import org.ebpfexporter.exporter.exposition.GoTextFormat;

/** Serves the metrics at the telemetry path in the configured {@link Exposition}, gzipped when asked. */
final class MetricsHandler implements HttpHandler {
    private static final System.Logger logger = System.getLogger(MetricsHandler.class.getName());

    private final String path;
    private final Supplier<MetricSnapshots> snapshots;
    private final Exposition exposition;
    private final ExpositionFormats formats;

    MetricsHandler(String path, Supplier<MetricSnapshots> snapshots, Exposition exposition) {
        this.path = path;
        this.snapshots = snapshots;
        this.exposition = exposition;
        this.formats = exposition == Exposition.NEGOTIATED ? ExpositionFormats.init() : null;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestURI().getPath().equals(path)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body;
            String contentType;
            boolean gzip = acceptsGzip(exchange.getRequestHeaders().get("Accept-Encoding"));
            try {
                MetricSnapshots collected = snapshots.get();
                ByteArrayOutputStream buffer = new ByteArrayOutputStream(16 * 1024);
                try (OutputStream out = gzip ? new GZIPOutputStream(buffer) : buffer) {
                    contentType = write(out, collected, exchange.getRequestHeaders().getFirst("Accept"));
                }
                body = buffer.toByteArray();
            } catch (RuntimeException e) {
                logger.log(System.Logger.Level.WARNING, "collecting metrics failed", e);
                byte[] message = ("collecting metrics failed: " + e + "\n").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
                exchange.sendResponseHeaders(500, message.length);
                exchange.getResponseBody().write(message);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", contentType);
            if (gzip) {
                exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            }
            boolean head = exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(200, head ? -1 : body.length);
            if (!head) {
                exchange.getResponseBody().write(body);
            }
        }
    }

    private String write(OutputStream out, MetricSnapshots collected, String accept) throws IOException {
        if (formats == null) {
            GoTextFormat.write(out, collected);
            return GoTextFormat.CONTENT_TYPE;
        }
        ExpositionFormatWriter writer = formats.findWriter(accept);
        writer.write(out, collected);
        return writer.getContentType();
    }

    static boolean acceptsGzip(List<String> acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String header : acceptEncoding) {
            for (String coding : header.split(",")) {
                String[] parts = coding.strip().split(";");
                if (parts[0].strip().equalsIgnoreCase("gzip") && !refused(parts)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether a coding carries {@code q=0}. */
    private static boolean refused(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip();
            if (parameter.startsWith("q=")) {
                try {
                    return Double.parseDouble(parameter.substring(2)) == 0;
                } catch (NumberFormatException e) {
                    return false;
                }
            }
        }
        return false;
    }
}
