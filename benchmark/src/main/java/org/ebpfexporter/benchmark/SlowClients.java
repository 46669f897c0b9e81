package org.ebpfexporter.benchmark;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The clients that starve a server, on loopback only: slow-loris senders (a header byte a
 * second), slow readers (a request, then 1 byte read a second) and idle connections.
 */
final class SlowClients implements AutoCloseable {
    private final List<Socket> sockets = new ArrayList<>();
    private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("slow-clients").factory());

    static SlowClients slowLoris(int port, int count) throws IOException {
        SlowClients clients = new SlowClients();
        for (int i = 0; i < count; i++) {
            Socket socket = clients.open(port);
            send(socket, "GET /metrics HTTP/1.1\r\nHost: x\r\nX-Slow: ");
        }
        clients.ticks.scheduleAtFixedRate(() -> clients.each(socket -> send(socket, "a")), 1, 1, TimeUnit.SECONDS);
        return clients;
    }

    static SlowClients slowReaders(int port, int count) throws IOException {
        SlowClients clients = new SlowClients();
        for (int i = 0; i < count; i++) {
            send(clients.open(port), "GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n");
        }
        clients.ticks.scheduleAtFixedRate(() -> clients.each(socket -> socket.getInputStream().read()), 1, 1,
                TimeUnit.SECONDS);
        return clients;
    }

    static SlowClients idle(int port, int count) throws IOException {
        SlowClients clients = new SlowClients();
        for (int i = 0; i < count; i++) {
            clients.open(port);
        }
        return clients;
    }

    private Socket open(int port) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(new InetSocketAddress("127.0.0.1", port), 60_000);
        sockets.add(socket);
        return socket;
    }

    private interface SocketAction {
        void run(Socket socket) throws IOException;
    }

    private void each(SocketAction action) {
        for (Socket socket : List.copyOf(sockets)) {
            try {
                action.run(socket);
            } catch (IOException e) {
                // Closed by the server: what a bounded server does.
            }
        }
    }

    private static void send(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    @Override
    public void close() {
        ticks.shutdownNow();
        each(Socket::close);
    }
}
