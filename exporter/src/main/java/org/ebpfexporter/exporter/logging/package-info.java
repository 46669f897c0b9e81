/** Logging of failures that recur, such as one per scrape, at a bounded rate. */
package org.ebpfexporter.exporter.logging;
