package org.ebpfexporter.exporter.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ebpfexporter.bpf.BpfException;
import org.ebpfexporter.exporter.ExporterException;
import org.ebpfexporter.exporter.ExporterOptions;
import org.ebpfexporter.exporter.JvmTarget;
import org.ebpfexporter.exporter.config.ConfigException;
import org.ebpfexporter.exporter.config.InputFiles;
import org.ebpfexporter.exporter.http.Exposition;
import org.ebpfexporter.exporter.http.ListenAddress;
import org.ebpfexporter.exporter.http.web.WebConfig;
import org.ebpfexporter.exporter.http.web.WebConfigLoader;
import org.ebpfexporter.exporter.jmx.JmxOptions;
import org.ebpfexporter.exporter.jfr.JfrSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ebpf-exporter}: serves the metrics of eBPF programs, with upstream ebpf_exporter's flags. */
@Command(name = "ebpf-exporter", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Prometheus exporter for custom eBPF metrics. Without --config.names it runs the "
                + "configs embedded in the jar.")
public final class Main implements Callable<Integer> {
    /** Kept so that JUL does not forget the level set by --debug. */
    private static final Logger PROJECT_LOGGER = Logger.getLogger("org.ebpfexporter");

    @Option(names = "--config.dir", paramLabel = "DIR", description = "Config dir path (default: current directory).")
    private Path configDir = Path.of(".");

    @Option(names = "--config.names", paramLabel = "NAMES", split = ",",
            description = "Comma separated names of configs to load.")
    private List<String> configNames = new ArrayList<>();

    @Option(names = "--web.listen-address", paramLabel = "ADDRESS", defaultValue = ":9435",
            description = "The address to listen on for HTTP requests (default: ${DEFAULT-VALUE}).")
    private String listenAddress;

    @Option(names = "--web.telemetry-path", paramLabel = "PATH", defaultValue = "/metrics",
            description = "Path under which to expose metrics (default: ${DEFAULT-VALUE}).")
    private String telemetryPath;

    @Option(names = "--web.config.file", paramLabel = "FILE",
            description = "Prometheus exporter-toolkit web config (TLS, basic auth, headers), read at start-up.")
    private Path webConfigFile;

    @Option(names = "--jmx.listen-address", paramLabel = "HOST:PORT",
            description = "Serve the MBeans over remote JMX (RMI registry and connector on this one port), "
                    + "for jconsole HOST:PORT; needs --jmx.password-file. Off by default.")
    private String jmxListenAddress;

    @Option(names = "--jmx.password-file", paramLabel = "FILE",
            description = "Remote JMX users and passwords, in the format of the JDK's jmxremote.password.")
    private Path jmxPasswordFile;

    @Option(names = "--jmx.access-file", paramLabel = "FILE",
            description = "Remote JMX access levels, in the format of the JDK's jmxremote.access: readwrite gives "
                    + "full access; everyone else gets a read-only view.")
    private Path jmxAccessFile;

    @Option(names = "--jmx.ssl", description = "Remote JMX over TLS, set up by the javax.net.ssl.* system properties.")
    private boolean jmxSsl;

    @Option(names = "--jmx.ssl.need-client-auth",
            description = "With --jmx.ssl: clients must present a certificate the javax.net.ssl.trustStore trusts.")
    private boolean jmxSslNeedClientAuth;

    @Option(names = "--jmx.insecure-no-authentication",
            description = "Allow remote JMX without --jmx.password-file: anyone who reaches the port gets the "
                    + "read-only view. Logs a warning.")
    private boolean jmxInsecureNoAuthentication;

    @Option(names = "--jfr", arity = "0..1", defaultValue = "true", fallbackValue = "true", paramLabel = "BOOL",
            description = "Publish every metric as JFR events; --jfr=false disables (default: ${DEFAULT-VALUE}).")
    private boolean jfr;

    @Option(names = "--jfr.max-events-per-period", paramLabel = "N", defaultValue = "1000",
            description = "Most JFR events one metric event type records per period (default: ${DEFAULT-VALUE}).")
    private int jfrMaxEvents;

    @Option(names = "--jvm.pid", paramLabel = "PID",
            description = "HotSpot JVM whose USDT probes programs in plain usdt sections attach to (default: none).")
    private Integer jvmPid;

    @Option(names = "--jvm.libjvm", paramLabel = "FILE",
            description = "libjvm.so of --jvm.pid (default: found in /proc/PID/maps).")
    private Path jvmLibjvm;

    @Option(names = "--debug", description = "Log debug messages, libbpf's included, and serve the maps at /maps.")
    private boolean debug;

    @Option(names = "--config.check", description = "Check whether configs load and attach, then exit.")
    private boolean configCheck;

    @Option(names = "--config.strict", description = "Fail start-up when any program does not attach.")
    private boolean configStrict;

    @Option(names = "--config.cache-size", paramLabel = "ENTRIES",
            description = "Label cache entries per metric (default: ${DEFAULT-VALUE}).")
    private int cacheSize = ExporterOptions.DEFAULT_CACHE_SIZE;

    @Option(names = "--config.skip-cache-size", paramLabel = "ENTRIES",
            description = "Cache entries per metric for keys whose labels are skipped (default: ${DEFAULT-VALUE}).")
    private int skipCacheSize = ExporterOptions.DEFAULT_CACHE_SIZE;

    @Option(names = "--log.no-timestamps", description = "Disable timestamps in log.")
    private boolean noLogTimestamps;

    @Option(names = "--btf.path", paramLabel = "FILE", description = "Optional BTF file path for CO-RE relocations.")
    private Path btfPath;

    @Option(names = "--web.exposition", paramLabel = "FORMAT", defaultValue = "text",
            description = "text: Go's text format 0.0.4, the Go exporter's series, whatever the scraper asks "
                    + "(default); negotiated: client_java's OpenMetrics, protobuf or text as the scraper asks, "
                    + "which changes series names.")
    private String exposition;

    /**
     * Runs the exporter until SIGTERM, SIGINT or SIGHUP, then detaches everything and exits 0; a
     * signal while the configs load ends the process at once (see {@link StopSignals}). Exits 1
     * with one line on stderr if it cannot start.
     */
    public static void main(String[] args) {
        CommandLine commandLine = new CommandLine(new Main());
        int status = commandLine.execute(args);
        System.exit(status);
    }

    @Override
    public Integer call() throws Exception {
        if (debug) {
            enableDebugLogging();
        }
        if (noLogTimestamps) {
            NoTimestampFormatter.install();
        }
        StopSignals signals = StopSignals.install();
        Daemon daemon;
        try {
            List<String> names = names();
            if (configCheck) {
                System.out.println("config check successful: " + Daemon.check(configDir, names, options()));
                return 0;
            }
            JmxOptions jmx = new JmxOptions(jmxListenAddress == null ? null : ListenAddress.parse(jmxListenAddress),
                    jmxPasswordFile, jmxAccessFile, jmxSsl, jmxSslNeedClientAuth, jmxInsecureNoAuthentication);
            WebConfig web = webConfigFile == null ? WebConfig.NONE : WebConfigLoader.load(webConfigFile);
            daemon = Daemon.start(configDir, names, options(), new Publishing(ListenAddress.parse(listenAddress),
                    telemetryPath, Exposition.parse(exposition), web, jmx, new JfrSettings(jfr, jfrMaxEvents), debug),
                    signals::attached);
        } catch (ConfigException | ExporterException | BpfException | IllegalArgumentException | IllegalStateException e) {
            return fail(e.getMessage());
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            return fail(e.getMessage());
        }
        signals.awaitStop();
        daemon.close();
        return 0;
    }

    List<String> names() {
        return configNames.stream().map(String::strip).filter(n -> !n.isEmpty()).toList();
    }

    ExporterOptions options() {
        checkFile("--jvm.libjvm", jvmLibjvm, InputFiles.LIBRARY_MAX_BYTES);
        return new ExporterOptions(btfPath, configStrict, cacheSize, skipCacheSize,
                jvmPid == null ? JvmTarget.none() : JvmTarget.of(jvmPid, jvmLibjvm));
    }

    /** Files that the JDK or libbpf open by path, later: a FIFO there would block them. */
    private static void checkFile(String flag, Path file, int maxBytes) {
        if (file != null) {
            try {
                InputFiles.check(file, maxBytes);
            } catch (ConfigException e) {
                throw new ConfigException(flag + ": " + e.getMessage(), e);
            }
        }
    }

    private static int fail(String message) {
        String line = message == null ? "unknown error" : message.replaceAll("\\s*\\R\\s*", " ");
        System.err.println("ebpf-exporter: " + line);
        return 1;
    }

    private static void enableDebugLogging() {
        PROJECT_LOGGER.setLevel(Level.ALL);
        Logger root = Logger.getLogger("");
        boolean console = false;
        for (Handler handler : root.getHandlers()) {
            if (handler instanceof ConsoleHandler) {
                handler.setLevel(Level.ALL);
                console = true;
            }
        }
        if (!console) {
            ConsoleHandler handler = new ConsoleHandler();
            handler.setLevel(Level.ALL);
            root.addHandler(handler);
        }
    }

    /** The version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"ebpf-exporter " + (version == null ? "(development build)" : version)
                    + " (Java " + Runtime.version() + ")"};
        }
    }
}
