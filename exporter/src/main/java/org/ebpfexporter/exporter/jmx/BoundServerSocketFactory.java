package org.ebpfexporter.exporter.jmx;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.rmi.server.RMIServerSocketFactory;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLServerSocketFactory;

/**
 * Server sockets bound to one address ({@code null}: every interface), with or without TLS.
 *
 * <p>A record, because RMI shares one listening socket between the registry and the connector
 * only when their server socket factories are equal.
 *
 * @param address        the address to bind, or {@code null} for every interface
 * @param ssl            whether accepted connections speak TLS (the default {@code SSLContext}, so
 *                       the {@code javax.net.ssl.keyStore} and {@code trustStore} system properties
 *                       apply)
 * @param needClientAuth whether a TLS client must present a certificate the trust store trusts
 */
record BoundServerSocketFactory(InetAddress address, boolean ssl, boolean needClientAuth)
        implements RMIServerSocketFactory {
    @Override
    public ServerSocket createServerSocket(int port) throws IOException {
        if (ssl) {
            SSLServerSocket socket = (SSLServerSocket) SSLServerSocketFactory.getDefault()
                    .createServerSocket(port, 0, address);
            socket.setNeedClientAuth(needClientAuth);
            return socket;
        }
        return new ServerSocket(port, 0, address);
    }
}
