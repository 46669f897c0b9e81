package org.ebpfexporter.exporter.http;

import java.nio.ByteBuffer;

/**
 * @param body        the bytes to send, read-only, valid until {@code release} runs
 * @param contentType the Content-Type header
 * @param gzipped     whether body is gzip-encoded (Content-Encoding: gzip)
 * @param release     run once when the body is written or the request is abandoned
 */
public record ScrapeResponse(ByteBuffer body, String contentType, boolean gzipped, Runnable release) {}
