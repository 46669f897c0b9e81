package org.ebpfexporter.exporter.jmx;

import java.nio.file.Path;
import org.ebpfexporter.exporter.http.ListenAddress;

/**
 * The {@code --jmx.*} flags.
 *
 * @param listenAddress where remote JMX listens, or {@code null} for no remote access
 * @param passwordFile  a file in the format of the JDK's {@code jmxremote.password}, or {@code null}
 *                      for no authentication
 * @param accessFile    a file in the format of the JDK's {@code jmxremote.access}, or {@code null}
 * @param ssl           whether the registry and the connector use TLS, configured by the standard
 *                      {@code javax.net.ssl.*} system properties
 */
public record JmxOptions(ListenAddress listenAddress, Path passwordFile, Path accessFile, boolean ssl) {
    /** No remote access. */
    public static final JmxOptions LOCAL_ONLY = new JmxOptions(null, null, null, false);

    /**
     * Checks the combination.
     *
     * @throws IllegalArgumentException naming the flag when a remote option comes without an
     *                                  address, or the port is 0
     */
    public JmxOptions {
        if (listenAddress == null) {
            if (passwordFile != null || accessFile != null || ssl) {
                throw new IllegalArgumentException(
                        "--jmx.password-file, --jmx.access-file and --jmx.ssl need --jmx.listen-address");
            }
        } else if (listenAddress.port() == 0) {
            throw new IllegalArgumentException(
                    "--jmx.listen-address needs a fixed port: the RMI registry and connector share it");
        }
        if (accessFile != null && passwordFile == null) {
            throw new IllegalArgumentException("--jmx.access-file needs --jmx.password-file");
        }
    }

    /** Whether remote JMX is on. */
    public boolean remote() {
        return listenAddress != null;
    }
}
