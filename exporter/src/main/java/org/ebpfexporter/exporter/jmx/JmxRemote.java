package org.ebpfexporter.exporter.jmx;

import java.io.IOException;
import java.net.InetAddress;
import java.rmi.AlreadyBoundException;
import java.rmi.NoSuchObjectException;
import java.rmi.registry.LocateRegistry;
import java.rmi.registry.Registry;
import java.rmi.server.RMIClientSocketFactory;
import java.rmi.server.UnicastRemoteObject;
import java.util.HashMap;
import java.util.Map;
import javax.management.MBeanServer;
import javax.management.remote.JMXConnectorServer;
import javax.management.remote.JMXServiceURL;
import javax.management.remote.rmi.RMIConnectorServer;
import javax.management.remote.rmi.RMIJRMPServerImpl;
import javax.rmi.ssl.SslRMIClientSocketFactory;
import org.ebpfexporter.exporter.http.ListenAddress;

/**
 * Remote JMX on one port, as {@code -Dcom.sun.management.jmxremote.port} gives: an RMI registry
 * holding the connector's stub as {@code jmxrmi}, and the connector itself, sharing the port and
 * bound to the listen address, so {@code jconsole HOST:PORT} and
 * {@code service:jmx:rmi:///jndi/rmi://HOST:PORT/jmxrmi} work.
 *
 * <p>Secure by default: clients log in with the password file ({@link PasswordAuthenticator}),
 * every call passes the {@link RemoteAccessForwarder}, which grants the {@link ReadOnlyView} unless
 * the access file says {@code readwrite}, and the connector deserializes only what
 * {@link ClientObjectFilter} admits.
 *
 * <p>Stubs carry the host of {@code java.rmi.server.hostname}. That property is JVM-wide, so it is
 * set to the listen host only when the listen host is a single address and the property is unset;
 * a value given on the command line wins. Clients load only JDK classes: the client socket factory
 * is the JDK's default, or {@link SslRMIClientSocketFactory} with {@code --jmx.ssl}.
 */
public final class JmxRemote implements AutoCloseable {
    /** The name the connector's stub is bound to in the registry, as the JDK agent binds it. */
    public static final String BINDING = "jmxrmi";

    private static final System.Logger logger = System.getLogger(JmxRemote.class.getName());
    private static final String HOSTNAME_PROPERTY = "java.rmi.server.hostname";

    private final Registry registry;
    private final RMIConnectorServer connector;
    private final JMXServiceURL url;

    private JmxRemote(Registry registry, RMIConnectorServer connector, JMXServiceURL url) {
        this.registry = registry;
        this.connector = connector;
        this.url = url;
    }

    /**
     * Starts the registry and the connector.
     *
     * @param options the {@code --jmx.*} flags; {@link JmxOptions#remote()} must be true
     * @param server  the MBean server to serve
     * @throws IOException              naming the address when it cannot be bound
     * @throws IllegalArgumentException naming flag and file when the access file no longer passes
     *                                  the checks it passed when the options were made
     */
    public static JmxRemote start(JmxOptions options, MBeanServer server) throws IOException {
        ListenAddress listen = options.listenAddress();
        InetAddress address = listen.host() == null ? null : InetAddress.getByName(listen.host());
        String host = address == null || address.isAnyLocalAddress() ? InetAddress.getLocalHost().getHostName()
                : stubHost(listen.host());
        int port = listen.port();
        BoundServerSocketFactory serverSockets = new BoundServerSocketFactory(address, options.ssl(),
                options.sslNeedClientAuth());
        RMIClientSocketFactory clientSockets = options.ssl() ? new SslRMIClientSocketFactory() : null;
        AccessRules rules = options.accessRules();
        Map<String, Object> env = new HashMap<>();
        env.put(RMIConnectorServer.CREDENTIALS_FILTER_PATTERN, ClientObjectFilter.CREDENTIALS);
        env.put(RMIConnectorServer.SERIAL_FILTER_PATTERN, ClientObjectFilter.CALLS);
        if (options.passwordFile() != null) {
            env.put(JMXConnectorServer.AUTHENTICATOR, new PasswordAuthenticator(options.passwordFile(), rules));
        }
        warnIfExposed(options, address);
        Registry registry;
        try {
            registry = LocateRegistry.createRegistry(port, clientSockets, serverSockets);
        } catch (IOException e) {
            throw new IOException("cannot listen for JMX on " + describe(listen) + ": " + rootMessage(e), e);
        }
        try {
            RMIJRMPServerImpl impl = new RMIJRMPServerImpl(port, clientSockets, serverSockets, env);
            RMIConnectorServer connector = new RMIConnectorServer(new JMXServiceURL("rmi", host, port), env, impl,
                    server);
            connector.setMBeanServerForwarder(new RemoteAccessForwarder(rules));
            connector.start();
            registry.bind(BINDING, impl.toStub());
            JMXServiceURL url = new JMXServiceURL("service:jmx:rmi:///jndi/rmi://" + bracketed(host) + ":" + port
                    + "/" + BINDING);
            logger.log(System.Logger.Level.INFO, "remote JMX at {0} (jconsole {1}:{2,number,#}){3}{4}{5}", url,
                    bracketed(host), port, options.passwordFile() == null ? "" : ", with authentication",
                    options.ssl() ? ", with TLS" : "", options.sslNeedClientAuth() ? " and client certificates" : "");
            return new JmxRemote(registry, connector, url);
        } catch (IOException | AlreadyBoundException | RuntimeException e) {
            unexport(registry);
            throw new IOException("cannot start JMX on " + describe(listen) + ": " + rootMessage(e), e);
        }
    }

    /** The address a client connects to. */
    public JMXServiceURL url() {
        return url;
    }

    /** Stops the connector and the registry, closing the port. */
    @Override
    public void close() {
        try {
            connector.stop();
        } catch (IOException e) {
            logger.log(System.Logger.Level.WARNING, "stopping the JMX connector failed", e);
        } finally {
            unexport(registry);
        }
    }

    /** Warns of remote access without authentication and of a port open on every interface. */
    private static void warnIfExposed(JmxOptions options, InetAddress address) {
        ListenAddress listen = options.listenAddress();
        if (options.insecureNoAuthentication()) {
            logger.log(System.Logger.Level.WARNING, "remote JMX on {0} has NO AUTHENTICATION "
                    + "(--jmx.insecure-no-authentication): anyone who reaches the port, every local user included, "
                    + "reads the exporter''s MBeans and the JVM''s memory, threads, runtime (system properties, "
                    + "arguments) and operating system MBeans", describe(listen));
        }
        if (address == null || address.isAnyLocalAddress()) {
            logger.log(System.Logger.Level.WARNING, "remote JMX listens on every interface ({0}), reachable from "
                    + "other machines; to listen on one, give its address: --jmx.listen-address=127.0.0.1:{1,number,#}",
                    describe(listen), listen.port());
        }
    }

    /** The host stubs carry: {@code host}, unless {@code java.rmi.server.hostname} says otherwise. */
    private static String stubHost(String host) {
        String set = System.getProperty(HOSTNAME_PROPERTY);
        if (set == null) {
            System.setProperty(HOSTNAME_PROPERTY, host);
            return host;
        }
        if (!set.equals(host)) {
            logger.log(System.Logger.Level.WARNING, "{0}={1}: remote JMX stubs point there, not to {2}",
                    HOSTNAME_PROPERTY, set, host);
        }
        return set;
    }

    private static void unexport(Registry registry) {
        try {
            UnicastRemoteObject.unexportObject(registry, true);
        } catch (NoSuchObjectException e) {
            // Already gone.
        }
    }

    private static String describe(ListenAddress listen) {
        return (listen.host() == null ? "" : bracketed(listen.host())) + ":" + listen.port();
    }

    private static String bracketed(String host) {
        return host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }
}
