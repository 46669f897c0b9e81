package org.ebpfexporter.exporter.http;

import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.NetworkConnectionLimit;

/**
 * Jetty's network connection limit (stop accepting at the limit, shorten the idle timeout of the
 * open connections), which also gives the short idle timeout to connections opened while the limit
 * holds: Jetty shortens it only for those already open when the limit is reached, so a burst of
 * idle connections accepted together would otherwise keep the long one and hold the server full.
 */
final class LimitedConnections extends NetworkConnectionLimit implements Connection.Listener {
    private final long limitIdleTimeoutMillis;
    private volatile boolean full;

    LimitedConnections(int maxConnections, long limitIdleTimeoutMillis, Connector connector) {
        super(maxConnections, connector);
        this.limitIdleTimeoutMillis = limitIdleTimeoutMillis;
        setEndPointIdleTimeout(limitIdleTimeoutMillis);
    }

    @Override
    protected void limit() {
        full = true;
        super.limit();
    }

    @Override
    protected void unlimit() {
        full = false;
        super.unlimit();
    }

    @Override
    public void onOpened(Connection connection) {
        if (full) {
            connection.getEndPoint().setIdleTimeout(limitIdleTimeoutMillis);
        }
    }
}
