/**
 * Reading metric maps on scrape and turning them into client_java snapshots: one reader per
 * configured metric, a bounded cache of decoded label sets, and the
 * {@link io.prometheus.metrics.model.registry.MultiCollector} the HTTP server, JMX and JFR share.
 */
package org.ebpfexporter.exporter.collector;
