package org.ebpfexporter.exporter.http;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.IteratingCallback;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Sends a response body of known length without holding a thread: slices are written
 * asynchronously, so a client that reads slowly costs the body's memory but no thread. The whole
 * body must be written within the response timeout, else the connection is closed. The body's
 * release runs exactly once: when it is written, when the client is gone, or at the timeout.
 */
final class BodyWriter extends IteratingCallback {
    /** Small slices keep the JDK's temporary direct buffer for a heap buffer's write small too. */
    private static final int SLICE_BYTES = 256 * 1024;

    private final Response response;
    private final Callback callback;
    private final ByteBuffer body;
    private final Runnable release;
    private final AtomicBoolean released = new AtomicBoolean();
    private Scheduler.Task deadline;
    private boolean lastWritten;

    private BodyWriter(Response response, Callback callback, ByteBuffer body, Runnable release) {
        this.response = response;
        this.callback = callback;
        this.body = body;
        this.release = release;
    }

    /**
     * Sets Content-Length and sends the body (only the headers for HEAD), then completes the callback.
     *
     * @param body    the bytes from its position to its limit; not modified
     * @param release run exactly once when the body is no longer needed
     * @param timeout the time allowed to write it all
     */
    static void send(Request request, Response response, Callback callback, ByteBuffer body, Runnable release,
                     Duration timeout) {
        ByteBuffer content = body.slice();
        BodyWriter writer = new BodyWriter(response, callback, content, release);
        try {
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, content.remaining());
            if (HttpMethod.HEAD.is(request.getMethod())) {
                content.limit(0);
            }
            writer.deadline = request.getComponents().getScheduler().schedule(
                    () -> request.getConnectionMetaData().getConnection().getEndPoint().close(),
                    timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            writer.onCompleteFailure(e);
            return;
        }
        writer.iterate();
    }

    /** Sends a small body that needs no release. */
    static void send(Request request, Response response, Callback callback, byte[] body, Duration timeout) {
        send(request, response, callback, ByteBuffer.wrap(body), () -> {}, timeout);
    }

    @Override
    protected Action process() {
        if (lastWritten) {
            return Action.SUCCEEDED;
        }
        int length = Math.min(SLICE_BYTES, body.remaining());
        ByteBuffer slice = body.slice(body.position(), length);
        body.position(body.position() + length);
        lastWritten = !body.hasRemaining();
        response.write(lastWritten, slice, this);
        return Action.SCHEDULED;
    }

    @Override
    protected void onCompleteSuccess() {
        finish();
        callback.succeeded();
    }

    @Override
    protected void onCompleteFailure(Throwable failure) {
        finish();
        callback.failed(failure);
    }

    private void finish() {
        if (deadline != null) {
            deadline.cancel();
        }
        if (released.compareAndSet(false, true)) {
            release.run();
        }
    }
}
