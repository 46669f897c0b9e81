package org.ebpfexporter.exporter.http.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads a {@code --web.config.file} strictly, as the toolkit does (unknown fields are errors), and
 * reads the files it names, once: certificates and keys are loaded at start-up, not per handshake.
 * Every problem is a {@link WebConfigException} naming the file and the field.
 */
public final class WebConfigLoader {
    private static final long MAX_FILE_BYTES = 1024 * 1024;
    private static final Set<String> ROOT = Set.of("tls_server_config", "http_server_config", "basic_auth_users");
    private static final Set<String> TLS = Set.of("cert", "key", "client_ca", "cert_file", "key_file",
            "client_auth_type", "client_ca_file", "min_version", "max_version", "cipher_suites",
            "prefer_server_cipher_suites", "curve_preferences");
    private static final Set<String> HTTP = Set.of("http2", "headers");
    /** Fields of the toolkit's format this exporter does not implement: refused rather than silently ignored. */
    private static final Set<String> UNSUPPORTED = Set.of("rate_limit", "tls_server_config.client_allowed_sans");
    /** The headers the toolkit lets a file set, with their allowed values (none: any value). */
    private static final Map<String, List<String>> HEADERS = Map.of("Strict-Transport-Security", List.of(),
            "X-Content-Type-Options", List.of("nosniff"), "X-Frame-Options", List.of("deny", "sameorigin"),
            "X-XSS-Protection", List.of(), "Content-Security-Policy", List.of());

    private final Path file;
    private final Path directory;

    private WebConfigLoader(Path file) {
        this.file = file;
        this.directory = file.toAbsolutePath().getParent();
    }

    /**
     * Reads and checks a web config file.
     *
     * @throws WebConfigException naming the file, the field and the problem
     */
    public static WebConfig load(Path file) {
        return new WebConfigLoader(file).read();
    }

    private WebConfig read() {
        Map<String, Object> root = mapping(parse(readFile(file, "file")), "", ROOT);
        Map<String, Object> http = mapping(root.get("http_server_config"), "http_server_config", HTTP);
        if (http.containsKey("http2")) {
            bool(http.get("http2"), "http_server_config.http2", true);
        }
        Map<String, String> headers = strings(http.get("headers"), "http_server_config.headers");
        headers.forEach(this::checkHeader);
        Map<String, String> users = strings(root.get("basic_auth_users"), "basic_auth_users");
        users.forEach((user, hash) -> {
            try {
                BasicAuth.cost(hash);
            } catch (IllegalArgumentException e) {
                throw fail("basic_auth_users." + user, e.getMessage());
            }
        });
        TlsServerConfig tls = tls(mapping(root.get("tls_server_config"), "tls_server_config", TLS));
        return new WebConfig(tls, users, headers);
    }

    private TlsServerConfig tls(Map<String, Object> tls) {
        String field = "tls_server_config.";
        String authName = string(tls.get("client_auth_type"), field + "client_auth_type");
        String certificate = pem(tls, "cert_file", "cert");
        String key = pem(tls, "key_file", "key");
        String clientCa = pem(tls, "client_ca_file", "client_ca");
        if (certificate == null && key == null && clientCa == null && authName == null) {
            return null;
        }
        if (certificate == null) {
            throw fail(field + "cert_file", "missing one of cert or cert_file");
        }
        if (key == null) {
            throw fail(field + "key_file", "missing one of key or key_file");
        }
        ClientAuth auth = authName == null ? ClientAuth.NO_CLIENT_CERT : ClientAuth.parse(authName).orElseThrow(
                () -> fail(field + "client_auth_type", "invalid ClientAuth \"" + authName + "\" (known: "
                        + "NoClientCert, RequestClientCert, RequireAnyClientCert, VerifyClientCertIfGiven, "
                        + "RequireAndVerifyClientCert)"));
        if (clientCa != null && auth == ClientAuth.NO_CLIENT_CERT) {
            throw fail(field + "client_ca_file", "client CAs have been configured without a client_auth_type");
        }
        int min = version(tls.get("min_version"), field + "min_version", "TLS12");
        int max = version(tls.get("max_version"), field + "max_version", "TLS13");
        if (min > max) {
            throw fail(field + "min_version", "above max_version");
        }
        List<String> protocols = GoTlsNames.VERSIONS.subList(min, max + 1).stream().map(Map.Entry::getValue).toList();
        List<String> suites = new ArrayList<>();
        for (String suite : list(tls.get("cipher_suites"), field + "cipher_suites")) {
            suites.add(GoTlsNames.cipherSuite(suite).orElseThrow(
                    () -> fail(field + "cipher_suites", "unknown cipher: " + suite)));
        }
        List<String> groups = new ArrayList<>();
        for (String curve : list(tls.get("curve_preferences"), field + "curve_preferences")) {
            groups.add(GoTlsNames.curve(curve).orElseThrow(
                    () -> fail(field + "curve_preferences", "unknown curve: " + curve
                            + " (known: CurveP256, CurveP384, CurveP521, X25519)")));
        }
        boolean serverOrder = tls.containsKey("prefer_server_cipher_suites")
                ? bool(tls.get("prefer_server_cipher_suites"), field + "prefer_server_cipher_suites", true) : true;
        TlsServerConfig config = new TlsServerConfig(certificate, key, clientCa, auth, protocols,
                GoTlsNames.enabledSuites(suites), serverOrder, groups);
        check(field + "cert_file", () -> Pem.certificates(certificate));
        check(field + "key_file", () -> Pem.privateKey(key));
        if (clientCa != null) {
            check(field + "client_ca_file", () -> Pem.certificates(clientCa));
        }
        check(field + "key_file", () -> SslContexts.server(config));
        return config;
    }

    /** Runs a check of key material, failing with its message on {@code field}. */
    private void check(String field, KeyCheck check) {
        try {
            check.run();
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw fail(field, e.getMessage());
        }
    }

    @FunctionalInterface
    private interface KeyCheck {
        void run() throws GeneralSecurityException;
    }

    /** The PEM text of {@code fileField} (read from the file) or else of the inline {@code textField}, or null. */
    private String pem(Map<String, Object> tls, String fileField, String textField) {
        String path = string(tls.get(fileField), "tls_server_config." + fileField);
        if (path != null && !path.isEmpty()) {
            return readFile(directory.resolve(path), "tls_server_config." + fileField);
        }
        String text = string(tls.get(textField), "tls_server_config." + textField);
        return text == null || text.isEmpty() ? null : text;
    }

    private int version(Object value, String field, String defaultName) {
        String name = value == null ? defaultName : string(value, field);
        return GoTlsNames.version(name).orElseThrow(() -> fail(field, "unknown TLS version: " + name
                + " (known: TLS10, TLS11, TLS12, TLS13)"));
    }

    private void checkHeader(String name, String value) {
        List<String> allowed = HEADERS.get(name);
        if (allowed == null) {
            throw fail("http_server_config.headers." + name, "HTTP header \"" + name + "\" can not be configured"
                    + " (known: " + String.join(", ", new TreeSet<>(HEADERS.keySet())) + ")");
        }
        if (!allowed.isEmpty() && !allowed.contains(value)) {
            throw fail("http_server_config.headers." + name, "invalid value \"" + value + "\", expected one of "
                    + allowed);
        }
    }

    private String readFile(Path path, String field) {
        try {
            if (!Files.isRegularFile(path)) {
                throw fail(field, path + " is not a regular file");
            }
            if (Files.size(path) > MAX_FILE_BYTES) {
                throw fail(field, path + " is larger than " + MAX_FILE_BYTES + " bytes");
            }
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw fail(field, "cannot read " + path + ": " + e);
        }
    }

    private Object parse(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(10);
        try {
            return new Yaml(new SafeConstructor(options)).load(text);
        } catch (YAMLException e) {
            throw fail("file", "invalid YAML: " + e.getMessage().replaceAll("\\s*\\R\\s*", " "));
        }
    }

    /** A mapping (null reads as empty) whose keys must all be in {@code allowed}. */
    private Map<String, Object> mapping(Object value, String field, Set<String> allowed) {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw fail(field.isEmpty() ? "file" : field, "expected a mapping");
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        map.forEach((key, entry) -> {
            String name = String.valueOf(key);
            String path = field.isEmpty() ? name : field + "." + name;
            if (UNSUPPORTED.contains(path)) {
                throw fail(path, "not supported by this exporter");
            }
            if (!allowed.contains(name)) {
                throw fail(path, "unknown field (known: " + String.join(", ", new TreeSet<>(allowed)) + ")");
            }
            fields.put(name, entry);
        });
        return fields;
    }

    private Map<String, String> strings(Object value, String field) {
        Map<String, String> strings = new LinkedHashMap<>();
        if (value == null) {
            return strings;
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw fail(field, "expected a mapping");
        }
        map.forEach((key, entry) -> strings.put(String.valueOf(key), string(entry, field + "." + key)));
        return strings;
    }

    private List<String> list(Object value, String field) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> items)) {
            throw fail(field, "expected a list");
        }
        return items.stream().map(item -> string(item, field)).toList();
    }

    private String string(Object value, String field) {
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            throw fail(field, "expected a string");
        }
        return value == null ? null : String.valueOf(value);
    }

    private boolean bool(Object value, String field, boolean defaultValue) {
        if (value == null) {
            return defaultValue;
        }
        if (!(value instanceof Boolean b)) {
            throw fail(field, "expected true or false, got \"" + value + "\"");
        }
        return b;
    }

    private WebConfigException fail(String field, String problem) {
        return new WebConfigException("web config " + file + ": " + field + ": " + problem);
    }
}
