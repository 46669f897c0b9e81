package org.ebpfexporter.exporter.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.ebpfexporter.exporter.exposition.GoTextFormat;

/** A scrape source serving a fixed text body, counting scrapes and releases (each release must run once). */
final class FixedScrapes implements ScrapeSource {
    final AtomicInteger scrapes = new AtomicInteger();
    final AtomicInteger releases = new AtomicInteger();
    private final byte[] body;
    private volatile IOException failure;

    FixedScrapes(String body) {
        this.body = body.getBytes(StandardCharsets.UTF_8);
    }

    /** A body of about {@code bytes} bytes of text exposition lines. */
    static FixedScrapes ofSize(int bytes) {
        StringBuilder text = new StringBuilder(bytes + 64);
        text.append("# TYPE ebpf_exporter_test_total counter\n");
        for (int i = 0; text.length() < bytes; i++) {
            text.append("ebpf_exporter_test_total{key=\"").append(i).append("\"} ").append(i).append('\n');
        }
        return new FixedScrapes(text.toString());
    }

    String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    int length() {
        return body.length;
    }

    /** Makes the following scrapes fail with {@code e}, or succeed again with null. */
    void failWith(IOException e) {
        failure = e;
    }

    @Override
    public ScrapeResponse scrape(String accept, boolean gzip) throws IOException {
        if (failure != null) {
            throw failure;
        }
        scrapes.incrementAndGet();
        return new ScrapeResponse(ByteBuffer.wrap(body).asReadOnlyBuffer(), GoTextFormat.CONTENT_TYPE, false,
                releases::incrementAndGet);
    }
}
