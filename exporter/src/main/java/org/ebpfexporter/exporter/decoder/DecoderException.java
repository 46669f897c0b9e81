package org.ebpfexporter.exporter.decoder;

/** Bytes that a decoder cannot turn into a label value; counted, never fatal to a scrape. */
public final class DecoderException extends Exception {
    /** @param message what was wrong with the input */
    public DecoderException(String message) {
        super(message);
    }
}
