package org.ebpfexporter.exporter.jmx;

import java.nio.file.Path;
import org.ebpfexporter.exporter.http.ListenAddress;

/**
 * The {@code --jmx.*} flags, checked when made, before anything starts: remote JMX needs a
 * password file unless authentication is switched off explicitly, and the files must exist, be
 * readable and be protected as {@link CredentialFiles} demands.
 *
 * @param listenAddress            where remote JMX listens, or {@code null} for no remote access
 * @param passwordFile             a file in the format of the JDK's {@code jmxremote.password}, or
 *                                 {@code null} for none
 * @param accessFile               a file in the format of the JDK's {@code jmxremote.access}, or
 *                                 {@code null}: every user gets the read-only view
 * @param ssl                      whether the registry and the connector use TLS, configured by the
 *                                 standard {@code javax.net.ssl.*} system properties
 * @param sslNeedClientAuth        whether TLS clients must present a trusted certificate
 * @param insecureNoAuthentication whether remote JMX may run without a password file, serving the
 *                                 read-only view to anyone who reaches the port
 */
public record JmxOptions(ListenAddress listenAddress, Path passwordFile, Path accessFile, boolean ssl,
                         boolean sslNeedClientAuth, boolean insecureNoAuthentication) {
    /** No remote access. */
    public static final JmxOptions LOCAL_ONLY = new JmxOptions(null, null, null, false, false, false);

    /**
     * Checks the combination and the files.
     *
     * @throws IllegalArgumentException in one line naming the flag (and the file) when a remote
     *                                  option comes without an address, the port is 0, remote JMX
     *                                  has no authentication and no opt-out, or a file is missing,
     *                                  unreadable, open to other users or malformed
     */
    public JmxOptions {
        if (listenAddress == null) {
            if (passwordFile != null || accessFile != null || ssl || sslNeedClientAuth || insecureNoAuthentication) {
                throw new IllegalArgumentException("--jmx.password-file, --jmx.access-file, --jmx.ssl, "
                        + "--jmx.ssl.need-client-auth and --jmx.insecure-no-authentication need --jmx.listen-address");
            }
        } else if (listenAddress.port() == 0) {
            throw new IllegalArgumentException(
                    "--jmx.listen-address needs a fixed port: the RMI registry and connector share it");
        }
        if (sslNeedClientAuth && !ssl) {
            throw new IllegalArgumentException("--jmx.ssl.need-client-auth needs --jmx.ssl");
        }
        if (accessFile != null && passwordFile == null) {
            throw new IllegalArgumentException("--jmx.access-file needs --jmx.password-file");
        }
        if (insecureNoAuthentication && passwordFile != null) {
            throw new IllegalArgumentException(
                    "--jmx.insecure-no-authentication contradicts --jmx.password-file: give one of them");
        }
        if (listenAddress != null && passwordFile == null && !insecureNoAuthentication) {
            throw new IllegalArgumentException("--jmx.listen-address needs --jmx.password-file: without it anyone "
                    + "who reaches the port, every local user included, reads the JVM's MBeans; "
                    + "--jmx.insecure-no-authentication allows that explicitly");
        }
        if (passwordFile != null) {
            CredentialFiles.checkPasswordFile(passwordFile);
        }
        if (accessFile != null) {
            AccessRules.read(accessFile);
        }
    }

    /** Whether remote JMX is on. */
    public boolean remote() {
        return listenAddress != null;
    }

    /** Who gets which access: from the access file, or the read-only view for everyone. */
    AccessRules accessRules() {
        return accessFile == null ? AccessRules.READ_ONLY_FOR_ALL : AccessRules.read(accessFile);
    }
}
