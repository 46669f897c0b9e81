package org.ebpfexporter.exporter.collector;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.ebpfexporter.exporter.logging.RateLimitedLogger;

/**
 * {@code ebpf_exporter_decoder_errors_total{config}}: keys that could not be decoded, maps that
 * could not be read and program info that could not be read. Every failure is counted; the log
 * gets the first failure of a metric at once, then at most one line a minute per metric, which
 * says how many were left out.
 */
public final class DecoderErrors {
    private static final System.Logger logger = System.getLogger(DecoderErrors.class.getName());

    private final Counter counter = Counter.builder()
            .name("ebpf_exporter_decoder_errors_total")
            .help("How many times a key could not be decoded, or a map or program info could not be read")
            .labelNames("config")
            .build();
    private final RateLimitedLogger rateLimited = new RateLimitedLogger(logger);

    /** Registers the counter with a registry. */
    public DecoderErrors register(PrometheusRegistry registry) {
        registry.register(counter);
        return this;
    }

    /** Makes the counter show 0 for a config before any error. */
    public void initialize(String config) {
        counter.labelValues(config);
    }

    /** Counts one failure of {@code metric} of {@code config}. */
    public void record(String config, String metric, Exception error) {
        record(config, "metric " + metric, error.getMessage());
    }

    /** Counts one failure to read the kernel's info of {@code program} of {@code config}. */
    public void recordProgram(String config, String program, Exception error) {
        record(config, "program " + program, "reading program info failed: " + error.getMessage());
    }

    private void record(String config, String subject, String problem) {
        counter.labelValues(config).inc();
        rateLimited.warning(config + "/" + subject, () -> "config " + config + ", " + subject + ": " + problem, null);
    }

    /** The count for a config so far. */
    public double count(String config) {
        return counter.labelValues(config).get();
    }
}
