package org.ebpfexporter.exporter.collector;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.function.BiConsumer;
import org.ebpfexporter.exporter.logging.RateLimitedLogger;

/**
 * {@code ebpf_exporter_publish_errors_total{sink}}: failures to publish metrics to a sink that has
 * no caller to report them to, JFR events ({@value #JFR}) and JMX MBeans ({@value #JMX}); a
 * failed scrape answers its scraper instead. Every failure is counted; the log gets the first of
 * each sink and operation at once, with its stack trace, then at most one line a minute, which
 * says how many were left out.
 */
public final class PublishErrors {
    /** The {@code sink} label of JFR events. */
    public static final String JFR = "jfr";
    /** The {@code sink} label of JMX MBeans. */
    public static final String JMX = "jmx";

    private static final System.Logger logger = System.getLogger(PublishErrors.class.getName());

    private final Counter counter = Counter.builder()
            .name("ebpf_exporter_publish_errors_total")
            .help("How many times publishing metrics to a sink (jfr, jmx) failed")
            .labelNames("sink")
            .build();
    private final RateLimitedLogger rateLimited = new RateLimitedLogger(logger);

    /** Registers the counter with a registry. */
    public PublishErrors register(PrometheusRegistry registry) {
        registry.register(counter);
        return this;
    }

    /**
     * What a bridge to {@code sink} reports its failures to: (what failed, the failure). Makes the
     * counter show 0 for the sink until then.
     */
    public BiConsumer<String, RuntimeException> handler(String sink) {
        counter.labelValues(sink);
        return (operation, error) -> record(sink, operation, error);
    }

    /** Counts and logs one failure of {@code operation}, such as "collecting metrics", for {@code sink}. */
    public void record(String sink, String operation, RuntimeException error) {
        counter.labelValues(sink).inc();
        rateLimited.warning(sink + "/" + operation, () -> sink + ": " + operation + " failed: " + error, error);
    }

    /** The count for a sink so far. */
    public double count(String sink) {
        return counter.labelValues(sink).get();
    }
}
