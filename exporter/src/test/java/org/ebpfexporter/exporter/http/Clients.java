package org.ebpfexporter.exporter.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Real clients of a test server: the JDK's HttpClient, and raw sockets for misbehaving ones. */
final class Clients {
    private Clients() {}

    /** A GET through a new HttpClient, failing after {@code timeout}. */
    static HttpResponse<String> get(int port, String path, Duration timeout) throws IOException, InterruptedException {
        return send(port, HttpRequest.newBuilder(uri(port, path)).timeout(timeout).build());
    }

    static HttpResponse<String> send(int port, HttpRequest request) throws IOException, InterruptedException {
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build()) {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    static URI uri(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** A connected socket with a small receive buffer, so that not reading stalls the server's writes soon. */
    static Socket connect(int port) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(new InetSocketAddress("127.0.0.1", port), 30_000);
        return socket;
    }

    static void write(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /**
     * Whether the server has closed the connection: reads (discarding) until end of stream or a reset,
     * or returns false when nothing arrives for a short while.
     */
    static boolean closedByServer(Socket socket) throws IOException {
        socket.setSoTimeout(200);
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[64 * 1024];
        try {
            while (in.read(buffer) >= 0) {
                // Discard what the server sent before closing.
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    /** The response head of a raw request on a new socket: status line and headers. */
    static String rawHead(int port, String request) throws IOException {
        try (Socket socket = connect(port)) {
            socket.setSoTimeout(30_000);
            write(socket, request);
            InputStream in = socket.getInputStream();
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                head.append((char) b);
            }
            return head.toString();
        }
    }
}
