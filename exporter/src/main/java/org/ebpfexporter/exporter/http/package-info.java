/** The HTTP endpoint: the telemetry path in the chosen format, a landing page, and the debug page of raw maps. */
package org.ebpfexporter.exporter.http;
