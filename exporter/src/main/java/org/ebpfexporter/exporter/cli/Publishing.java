package org.ebpfexporter.exporter.cli;

import org.ebpfexporter.exporter.http.Exposition;
import org.ebpfexporter.exporter.http.ListenAddress;
import org.ebpfexporter.exporter.http.web.WebConfig;
import org.ebpfexporter.exporter.jfr.JfrSettings;
import org.ebpfexporter.exporter.jmx.JmxOptions;

/**
 * Where a {@link Daemon} publishes the metrics: the HTTP endpoint, JMX and JFR.
 *
 * @param address     {@code --web.listen-address}
 * @param metricsPath {@code --web.telemetry-path}
 * @param exposition  the format served on the telemetry path
 * @param web         {@code --web.config.file}: TLS, basic authentication, extra headers
 * @param jmx         the {@code --jmx.*} flags
 * @param jfr         the {@code --jfr*} flags
 * @param debug       {@code --debug}: also serve the maps at {@code /maps}
 */
record Publishing(ListenAddress address, String metricsPath, Exposition exposition, WebConfig web, JmxOptions jmx,
                  JfrSettings jfr, boolean debug) {}
