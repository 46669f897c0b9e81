package org.ebpfexporter.exporter.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** A small HTML page at {@code /} linking to the metrics path; anything else under {@code /} is 404. */
final class LandingPage implements HttpHandler {
    private final byte[] page;

    LandingPage(String metricsPath) {
        String path = metricsPath.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
        page = ("<!DOCTYPE html>\n<html><head><title>eBPF Exporter</title></head><body>\n"
                + "<h1>eBPF Exporter</h1>\n<p><a href=\"" + path + "\">Metrics</a></p>\n</body></html>\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestURI().getPath().equals("/")) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            boolean head = exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(200, head ? -1 : page.length);
            if (!head) {
                try (OutputStream body = exchange.getResponseBody()) {
                    body.write(page);
                }
            }
        }
    }
}
