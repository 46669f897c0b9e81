/**
 * The HTTP endpoint (Jetty's core API): the telemetry path, served from a {@link
 * org.ebpfexporter.exporter.http.ScrapeSource}, a landing page, and the debug page of raw maps,
 * within {@link org.ebpfexporter.exporter.http.ServerLimits} that no client can starve.
 */
package org.ebpfexporter.exporter.http;
