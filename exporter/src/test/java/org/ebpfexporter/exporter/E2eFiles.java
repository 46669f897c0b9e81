package org.ebpfexporter.exporter;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.ebpfexporter.bpf.testing.Syscalls;

/** The test-only BPF object and its config (built by src/test/bpf/Makefile), and scraping helpers. */
public final class E2eFiles {
    /** The config name of the test object. */
    public static final String CONFIG = "e2e_syscalls";
    /** The comm the test program counts. */
    public static final String THREAD_NAME = "ebpfx-e2e";

    private E2eFiles() {}

    /** Copies the test object and YAML into {@code dir}, returning it. */
    public static Path configDir(Path dir) throws IOException {
        return configDir(dir, CONFIG);
    }

    /** Copies the named test object and YAML into {@code dir}, returning it. */
    public static Path configDir(Path dir, String config) throws IOException {
        Path built = Path.of(System.getProperty("exporter.test.bpf.dir", "target/test-bpf"));
        for (String file : new String[] {config + ".bpf.o", config + ".yaml"}) {
            Files.copy(built.resolve(file), dir.resolve(file));
        }
        return dir;
    }

    /** Calls getppid and getpgrp from a thread whose comm is the one the test program counts. */
    public static void syscalls(int getppid, int getpgrp) throws InterruptedException {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            try {
                Syscalls.getppid(getppid);
                Syscalls.getpgrp(getpgrp);
            } catch (Throwable t) {
                failure.set(t);
            }
        }, THREAD_NAME);
        thread.start();
        thread.join();
        if (failure.get() != null) {
            throw new AssertionError("system calls failed", failure.get());
        }
    }

    /** GETs a path of a local server, returning the body; fails on a non-200 status. */
    public static String get(int port, String path) throws IOException, InterruptedException {
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("GET " + path + ": HTTP " + response.statusCode());
            }
            return response.body();
        }
    }

    /** A TCP port free at the moment of the call. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Copies the JDK-only JMX client {@code JmxRead.java} (run in source mode) into a directory. */
    public static Path jmxClient(Path dir) throws IOException {
        return copyResource(dir, "JmxRead.java");
    }

    /** Copies the JDK-only JMX client {@code JmxProbe.java}, which tries one action after another. */
    public static Path jmxProbe(Path dir) throws IOException {
        return copyResource(dir, "JmxProbe.java");
    }

    private static Path copyResource(Path dir, String name) throws IOException {
        Path source = dir.resolve(name);
        try (InputStream in = E2eFiles.class.getResourceAsStream("/jmx/" + name)) {
            Files.copy(in, source);
        }
        return source;
    }
}
