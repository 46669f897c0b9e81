package org.ebpfexporter.exporter.http;

import java.util.Arrays;

/** Which format the telemetry path serves; the config spelling is that of {@code --web.exposition}. */
public enum Exposition {
    /** Go's text format 0.0.4 whatever the scraper asks: the series the Go exporter serves. */
    TEXT("text"),
    /**
     * client_java's writers as the scraper's {@code Accept} header asks (OpenMetrics, protobuf or
     * client_java's text format). Series names change: counters gain {@code _total}, values are
     * spelled differently.
     */
    NEGOTIATED("negotiated");

    private final String spelling;

    Exposition(String spelling) {
        this.spelling = spelling;
    }

    /** The flag value naming this format. */
    public String spelling() {
        return spelling;
    }

    /** The format of a flag value. */
    public static Exposition parse(String value) {
        return Arrays.stream(values()).filter(e -> e.spelling.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("--web.exposition: unknown format \"" + value
                        + "\", expected text or negotiated"));
    }

    @Override
    public String toString() {
        return spelling;
    }
}
