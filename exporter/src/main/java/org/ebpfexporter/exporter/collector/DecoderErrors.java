package org.ebpfexporter.exporter.collector;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code ebpf_exporter_decoder_errors_total{config}}: keys that could not be decoded and maps that
 * could not be read. Each distinct failure of a metric is logged once, not on every scrape.
 */
public final class DecoderErrors {
    private static final System.Logger logger = System.getLogger(DecoderErrors.class.getName());

    private final Counter counter = Counter.builder()
            .name("ebpf_exporter_decoder_errors_total")
            .help("How many times a key could not be decoded or a map could not be read")
            .labelNames("config")
            .build();
    private final Set<String> logged = ConcurrentHashMap.newKeySet();

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
        counter.labelValues(config).inc();
        if (logged.add(config + "/" + metric + "/" + error.getMessage())) {
            logger.log(System.Logger.Level.WARNING, "config {0}, metric {1}: {2}", config, metric, error.getMessage());
        }
    }

    /** The count for a config so far. */
    public double count(String config) {
        return counter.labelValues(config).get();
    }
}
