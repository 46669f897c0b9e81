package org.ebpfexporter.exporter.http;

import java.security.GeneralSecurityException;
import javax.net.ssl.SSLParameters;
import org.ebpfexporter.exporter.http.web.SslContexts;
import org.ebpfexporter.exporter.http.web.TlsServerConfig;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/** Jetty's TLS settings from a web config's {@code tls_server_config}. */
final class TlsSetup {
    private TlsSetup() {}

    static SslContextFactory.Server factory(TlsServerConfig tls) throws GeneralSecurityException {
        String[] groups = tls.namedGroups().toArray(String[]::new);
        SslContextFactory.Server factory = new SslContextFactory.Server() {
            @Override
            public SSLParameters customize(SSLParameters parameters) {
                SSLParameters customized = super.customize(parameters);
                if (groups.length > 0) {
                    customized.setNamedGroups(groups);
                }
                return customized;
            }
        };
        factory.setSslContext(SslContexts.server(tls));
        factory.setIncludeProtocols(tls.protocols().toArray(String[]::new));
        if (!tls.cipherSuites().isEmpty()) {
            // The file's list rules, as in Go: Jetty's own exclusions (such as *_SHA) would silently drop entries.
            factory.setExcludeCipherSuites();
            factory.setIncludeCipherSuites(tls.cipherSuites().toArray(String[]::new));
        }
        factory.setUseCipherSuitesOrder(tls.serverOrder());
        factory.setNeedClientAuth(tls.clientAuth().requires());
        factory.setWantClientAuth(tls.clientAuth().asks() && !tls.clientAuth().requires());
        factory.setRenegotiationAllowed(false);
        return factory;
    }
}
