package org.ebpfexporter.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.ebpfexporter.exporter.exposition.GoTextFormat;
import org.ebpfexporter.exporter.http.Endpoint;
import org.ebpfexporter.exporter.http.ListenAddress;
import org.ebpfexporter.exporter.http.MetricsServer;
import org.ebpfexporter.exporter.http.ScrapeResponse;

/**
 * The exporter's HTTP server (Jetty) beside its former one (the JDK's HttpServer, 4 threads), on
 * loopback: (a) the time of one scrape while clients try to starve the server, each run on a fresh
 * server; (b) the time to serve a 6.3 MB and an 8.8 MB body to curl and to the JDK's HttpClient.
 * Both servers send the same prepared bytes, so only the transport is compared.
 *
 * <pre>java -cp benchmark/target/benchmarks.jar org.ebpfexporter.benchmark.HttpServerComparison [TRANSFERS] [STARVATION_RUNS]</pre>
 */
public final class HttpServerComparison {
    private static final Duration SCRAPE_CAP = Duration.ofSeconds(60);
    private static final Duration SETTLE = Duration.ofSeconds(2);
    /** Requests before measuring, so that both servers' code is compiled. */
    private static final int WARM_UP = 20;

    private HttpServerComparison() {}

    private interface Server extends AutoCloseable {
        int port();

        @Override
        void close();
    }

    private interface Attack {
        AutoCloseable open(int port) throws IOException;
    }

    private record Scenario(String name, Attack attack) {}

    public static void main(String[] args) throws Exception {
        int transfers = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int starvationRuns = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        System.out.println("## (b) Serving a body, " + transfers + " requests each, ms: median (min, p10–p90, max)");
        for (int size : new int[] {6_300_000, 8_800_000}) {
            byte[] body = body(size);
            for (String name : new String[] {"JDK HttpServer", "Jetty"}) {
                try (Server server = start(name, body)) {
                    httpClient(server.port(), WARM_UP, body.length);
                    System.out.printf(Locale.ROOT, "| %s | %.1f MB | curl | %s |%n", name, body.length / 1e6,
                            summary(curl(server.port(), transfers, body.length)));
                    System.out.printf(Locale.ROOT, "| %s | %.1f MB | HttpClient | %s |%n", name, body.length / 1e6,
                            summary(httpClient(server.port(), transfers, body.length)));
                }
            }
        }
        byte[] body = body(8_800_000);
        List<Scenario> scenarios = List.of(new Scenario("none", port -> () -> {}),
                new Scenario("200 slow-loris", port -> SlowClients.slowLoris(port, 200)),
                new Scenario("4 slow readers of 8.8 MB", port -> SlowClients.slowReaders(port, 4)),
                new Scenario("2,000 idle connections", port -> SlowClients.idle(port, 2000)),
                new Scenario("200 slow-loris + 4 slow readers", port -> {
                    SlowClients loris = SlowClients.slowLoris(port, 200);
                    SlowClients readers = SlowClients.slowReaders(port, 4);
                    return () -> {
                        loris.close();
                        readers.close();
                    };
                }));
        System.out.println("## (a) One scrape of 8.8 MB under attack, " + starvationRuns
                + " runs, ms: median (min, p10–p90, max); capped at " + SCRAPE_CAP.toSeconds() + " s");
        for (Scenario scenario : scenarios) {
            for (String name : new String[] {"JDK HttpServer", "Jetty"}) {
                double[] times = new double[starvationRuns];
                for (int run = 0; run < starvationRuns; run++) {
                    try (Server server = start(name, body); AutoCloseable attack = scenario.attack().open(server.port())) {
                        Thread.sleep(SETTLE);
                        times[run] = cappedScrape(server.port(), body.length);
                    }
                }
                System.out.printf(Locale.ROOT, "| %s | %s | %s |%n", scenario.name(), name, summary(times));
            }
        }
    }

    private static Server start(String name, byte[] body) throws IOException {
        if (name.startsWith("JDK")) {
            JdkHttpServerBaseline jdk = new JdkHttpServerBaseline(body);
            return new Server() {
                public int port() {
                    return jdk.port();
                }

                public void close() {
                    jdk.close();
                }
            };
        }
        MetricsServer jetty = MetricsServer.start(Endpoint.plain(ListenAddress.parse("127.0.0.1:0"), "/metrics"),
                (accept, gzip) -> new ScrapeResponse(ByteBuffer.wrap(body).asReadOnlyBuffer(),
                        GoTextFormat.CONTENT_TYPE, false, () -> {}), null);
        return new Server() {
            public int port() {
                return jetty.port();
            }

            public void close() {
                jetty.close();
            }
        };
    }

    /** One scrape's time in ms with a fresh client, or the cap when it did not answer in time. */
    private static double cappedScrape(int port, int length) throws InterruptedException {
        long start = System.nanoTime();
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<byte[]> response = client.send(request(port).timeout(SCRAPE_CAP).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            check(response.statusCode() == 200 && response.body().length == length, "bad response");
            return (System.nanoTime() - start) / 1e6;
        } catch (IOException e) {
            return SCRAPE_CAP.toMillis();
        }
    }

    private static double[] httpClient(int port, int count, int length) throws IOException, InterruptedException {
        double[] times = new double[count];
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            client.send(request(port).build(), HttpResponse.BodyHandlers.discarding());
            for (int i = 0; i < count; i++) {
                long start = System.nanoTime();
                HttpResponse<byte[]> response = client.send(request(port).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                times[i] = (System.nanoTime() - start) / 1e6;
                check(response.body().length == length, "short body");
            }
        }
        return times;
    }

    /** curl's own total time per request (a new connection each, as Prometheus's first scrape). */
    private static double[] curl(int port, int count, int length) throws IOException, InterruptedException {
        double[] times = new double[count];
        for (int i = 0; i < count; i++) {
            Process curl = new ProcessBuilder("curl", "-s", "-o", "/dev/null", "-w", "%{time_total} %{size_download}",
                    "http://127.0.0.1:" + port + "/metrics").redirectErrorStream(true).start();
            String[] out = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip().split(" ");
            check(curl.waitFor() == 0 && Long.parseLong(out[1]) == length, "curl failed: " + String.join(" ", out));
            times[i] = Double.parseDouble(out[0]) * 1000;
        }
        return times;
    }

    private static HttpRequest.Builder request(int port) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"));
    }

    private static String summary(double[] times) {
        double[] sorted = times.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "%.1f (%.1f, %.1f–%.1f, %.1f)", percentile(sorted, 50), sorted[0],
                percentile(sorted, 10), percentile(sorted, 90), sorted[sorted.length - 1]);
    }

    private static double percentile(double[] sorted, int percent) {
        return sorted[Math.min(sorted.length - 1, (int) Math.round(percent / 100.0 * (sorted.length - 1)))];
    }

    /** A text exposition of about {@code bytes} bytes. */
    private static byte[] body(int bytes) {
        StringBuilder text = new StringBuilder(bytes + 64);
        text.append("# TYPE ebpf_exporter_bench_total counter\n");
        for (int i = 0; text.length() < bytes; i++) {
            text.append("ebpf_exporter_bench_total{key=\"").append(i).append("\"} ").append(i).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }
}
