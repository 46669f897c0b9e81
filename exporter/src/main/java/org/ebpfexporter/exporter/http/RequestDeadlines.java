package org.ebpfexporter.exporter.http;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * HTTP/1.1 connections that must deliver a complete request header within a timeout of being
 * accepted or of their previous response completing, else they are closed. Jetty's idle timeout
 * alone does not bound a client that sends one header byte a second (every byte is activity), nor
 * does its minimum data rate, which covers request bodies only. The clock stops while a request is
 * handled: {@link #timing(Handler)} tells it when.
 */
final class RequestDeadlines extends HttpConnectionFactory {
    private static final System.Logger logger = System.getLogger(RequestDeadlines.class.getName());

    private final long timeoutMillis;
    private final Map<Connection, Deadline> deadlines = new ConcurrentHashMap<>();

    RequestDeadlines(HttpConfiguration configuration, Duration timeout) {
        super(configuration);
        this.timeoutMillis = timeout.toMillis();
    }

    @Override
    public Connection newConnection(Connector connector, EndPoint endPoint) {
        Connection connection = super.newConnection(connector, endPoint);
        Deadline deadline = new Deadline(connection, connector.getScheduler());
        deadlines.put(connection, deadline);
        connection.addEventListener(new Connection.Listener() {
            @Override
            public void onClosed(Connection closed) {
                deadlines.remove(closed);
                deadline.disarm();
            }
        });
        deadline.arm();
        return connection;
    }

    /** Wraps the server's handler so that the clock of a connection stops while it handles a request. */
    Handler timing(Handler handler) {
        return new Handler.Wrapper(handler) {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                Deadline deadline = deadlines.get(request.getConnectionMetaData().getConnection());
                if (deadline == null) {
                    return super.handle(request, response, callback);
                }
                deadline.disarm();
                return super.handle(request, response, restartingClock(callback, deadline));
            }
        };
    }

    /** Completes {@code callback} after restarting the clock: the next request may be parsed within. */
    private static Callback restartingClock(Callback callback, Deadline deadline) {
        return new Callback() {
            @Override
            public void succeeded() {
                deadline.arm();
                callback.succeeded();
            }

            @Override
            public void failed(Throwable failure) {
                deadline.arm();
                callback.failed(failure);
            }

            @Override
            public InvocationType getInvocationType() {
                return callback.getInvocationType();
            }
        };
    }

    /** One connection's clock. */
    private final class Deadline {
        private final Connection connection;
        private final Scheduler scheduler;
        private Scheduler.Task task;

        Deadline(Connection connection, Scheduler scheduler) {
            this.connection = connection;
            this.scheduler = scheduler;
        }

        synchronized void arm() {
            if (task == null && connection.getEndPoint().isOpen()) {
                task = scheduler.schedule(this::expire, timeoutMillis, TimeUnit.MILLISECONDS);
            }
        }

        synchronized void disarm() {
            if (task != null) {
                task.cancel();
                task = null;
            }
        }

        synchronized boolean armed() {
            return task != null;
        }

        private void expire() {
            synchronized (this) {
                if (task == null) {
                    return;
                }
                task = null;
            }
            logger.log(System.Logger.Level.DEBUG, "closing {0}: no complete request within {1} ms",
                    connection.getEndPoint().getRemoteSocketAddress(), timeoutMillis);
            connection.getEndPoint().close();
        }
    }
}
