package org.ebpfexporter.exporter.exposition;

import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * Single-flight collection: callers that arrive while a collection runs wait for it and share its
 * result; a caller arriving after it finished starts a fresh one, so every scrape sees the maps
 * as they are, and concurrent scrapes read each map once.
 */
public final class SharedCollection implements Supplier<MetricSnapshots> {
    private final Supplier<MetricSnapshots> source;
    private CompletableFuture<MetricSnapshots> inFlight;

    /** @param source what to collect, such as a registry's {@code scrape} */
    public SharedCollection(Supplier<MetricSnapshots> source) {
        this.source = source;
    }

    /** The snapshots of the collection in flight, or of a new one. */
    @Override
    public MetricSnapshots get() {
        CompletableFuture<MetricSnapshots> future;
        boolean leader = false;
        synchronized (this) {
            future = inFlight;
            if (future == null) {
                future = inFlight = new CompletableFuture<>();
                leader = true;
            }
        }
        if (leader) {
            collect(future);
        }
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a collection", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private void collect(CompletableFuture<MetricSnapshots> future) {
        try {
            future.complete(source.get());
        } catch (RuntimeException | Error e) {
            future.completeExceptionally(e);
        } finally {
            synchronized (this) {
                inFlight = null;
            }
        }
    }
}
