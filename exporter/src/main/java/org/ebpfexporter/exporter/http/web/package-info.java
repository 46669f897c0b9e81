/**
 * {@code --web.config.file}: the Prometheus exporter-toolkit's web configuration (TLS, basic
 * authentication, extra response headers), read and checked at start-up.
 */
package org.ebpfexporter.exporter.http.web;
