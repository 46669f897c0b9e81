/** The HTTP endpoint: client_java's HTTP server serving the registry, and a landing page. */
package org.ebpfexporter.exporter.http;
