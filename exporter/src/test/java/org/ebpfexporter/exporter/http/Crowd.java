package org.ebpfexporter.exporter.http;

import java.io.IOException;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Misbehaving clients of a test server, all closed together: idle connections, slow-loris senders
 * (one header byte a second, never finishing) and slow readers (a request, then nothing read).
 */
final class Crowd implements AutoCloseable {
    final List<Socket> sockets = new ArrayList<>();
    private final ScheduledExecutorService drip = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("slow-loris").factory());
    private final List<Socket> dripping = new ArrayList<>();

    /** Opens {@code count} connections that send nothing. */
    Crowd idle(int port, int count) throws IOException {
        for (int i = 0; i < count; i++) {
            sockets.add(Clients.connect(port));
        }
        return this;
    }

    /** Opens {@code count} connections that start a request and then send one more header byte a second. */
    Crowd slowLoris(int port, int count) throws IOException {
        List<Socket> started = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Socket socket = Clients.connect(port);
            Clients.write(socket, "GET /metrics HTTP/1.1\r\nHost: x\r\nX-Slow: ");
            started.add(socket);
        }
        sockets.addAll(started);
        synchronized (dripping) {
            if (dripping.isEmpty()) {
                drip.scheduleAtFixedRate(this::dripOneByte, 1, 1, TimeUnit.SECONDS);
            }
            dripping.addAll(started);
        }
        return this;
    }

    /** Opens {@code count} connections that request {@code path} and never read the response. */
    Crowd slowReaders(int port, int count, String path) throws IOException {
        for (int i = 0; i < count; i++) {
            Socket socket = Clients.connect(port);
            Clients.write(socket, "GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n");
            sockets.add(socket);
        }
        return this;
    }

    private void dripOneByte() {
        synchronized (dripping) {
            for (Socket socket : dripping) {
                try {
                    Clients.write(socket, "a");
                } catch (IOException e) {
                    // Closed by the server: what a bounded request time does.
                }
            }
        }
    }

    @Override
    public void close() {
        drip.shutdownNow();
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException e) {
                // Closing a test's client: nothing to do.
            }
        }
    }
}
