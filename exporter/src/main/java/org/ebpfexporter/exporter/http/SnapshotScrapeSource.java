package org.ebpfexporter.exporter.http;

import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;
import org.ebpfexporter.exporter.collector.SharedCollection;
import org.ebpfexporter.exporter.exposition.GoTextFormat;

/**
 * Scrapes from metric snapshots: collects (pass {@link SharedCollection#fresh()}, so that scrapes
 * arriving while a collection runs share it) and encodes them into a new byte array in the
 * configured {@link Exposition}, gzipped when asked. Nothing is pooled, so release does nothing.
 */
public final class SnapshotScrapeSource implements ScrapeSource {
    private static final Runnable NOTHING_TO_RELEASE = () -> {};

    private final Supplier<MetricSnapshots> collect;
    private final ExpositionFormats formats;

    /**
     * @param collect    collects every metric, once per scrape
     * @param exposition the format served
     */
    public SnapshotScrapeSource(Supplier<MetricSnapshots> collect, Exposition exposition) {
        this.collect = collect;
        this.formats = exposition == Exposition.NEGOTIATED ? ExpositionFormats.init() : null;
    }

    /** Serves a registry in Go's text format through its own {@link SharedCollection}. */
    public static SnapshotScrapeSource of(PrometheusRegistry registry) {
        return new SnapshotScrapeSource(new SharedCollection(registry::scrape)::fresh, Exposition.TEXT);
    }

    @Override
    public ScrapeResponse scrape(String accept, boolean gzip) throws IOException {
        MetricSnapshots collected = collect.get();
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(16 * 1024);
        String contentType;
        try (OutputStream out = gzip ? new GZIPOutputStream(buffer) : buffer) {
            contentType = write(out, collected, accept);
        }
        return new ScrapeResponse(ByteBuffer.wrap(buffer.toByteArray()).asReadOnlyBuffer(), contentType, gzip,
                NOTHING_TO_RELEASE);
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
}
