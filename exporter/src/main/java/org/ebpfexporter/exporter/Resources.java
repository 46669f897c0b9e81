package org.ebpfexporter.exporter;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What a running exporter holds (objects, servers, MBeans, JFR hooks), closed in the reverse order
 * of opening; a failing close is logged and the rest still closed.
 */
public final class Resources implements AutoCloseable {
    private static final System.Logger logger = System.getLogger(Resources.class.getName());

    private final Deque<AutoCloseable> opened = new ArrayDeque<>();

    /** Adds a resource to close, and returns it. */
    public synchronized <T extends AutoCloseable> T add(T resource) {
        opened.push(resource);
        return resource;
    }

    /** Closes every resource, newest first. Idempotent. */
    @Override
    public synchronized void close() {
        while (!opened.isEmpty()) {
            AutoCloseable resource = opened.pop();
            try {
                resource.close();
            } catch (Exception e) {
                logger.log(System.Logger.Level.WARNING, "closing " + resource + " failed", e);
            }
        }
    }
}
