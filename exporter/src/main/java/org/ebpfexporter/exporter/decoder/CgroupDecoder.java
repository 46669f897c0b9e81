package org.ebpfexporter.exporter.decoder;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * {@code cgroup}: a cgroup id (decimal text, as {@code uint} outputs) as the cgroup's directory
 * path under the cgroup2 mount, or {@code unknown_cgroup_id:ID}. A cgroup2 directory's inode
 * number is its cgroup id. The id-to-path table is rebuilt by walking the mount on a miss, at most
 * once per {@code minRefreshNanos}, so unknown ids cannot make every scrape walk the tree. A walk
 * that fails (other than for a cgroup removed meanwhile) fails the key's decoding.
 */
public final class CgroupDecoder implements Decoder {
    private final Optional<Path> root;
    private final long minRefreshNanos;
    private final LongSupplier clock;
    private Map<Long, String> paths = Map.of();
    private long lastRefresh;
    private boolean refreshed;

    /**
     * @param root            the cgroup2 mount point, if the host has one
     * @param minRefreshNanos the least time between two walks of the mount
     * @param clock           nanosecond clock, such as {@code System::nanoTime}
     */
    public CgroupDecoder(Optional<Path> root, long minRefreshNanos, LongSupplier clock) {
        this.root = root;
        this.minRefreshNanos = minRefreshNanos;
        this.clock = clock;
    }

    @Override
    public synchronized String decode(byte[] input, int offset, int length) throws DecoderException {
        long id = NumberTable.parse("cgroup", input, offset, length);
        String path = paths.get(id);
        if (path == null && root.isPresent() && mayRefresh()) {
            paths = walk(root.get());
            path = paths.get(id);
        }
        return path != null ? path : "unknown_cgroup_id:" + id;
    }

    private boolean mayRefresh() {
        long now = clock.getAsLong();
        if (refreshed && now - lastRefresh < minRefreshNanos) {
            return false;
        }
        refreshed = true;
        lastRefresh = now;
        return true;
    }

    private static Map<Long, String> walk(Path root) throws DecoderException {
        Map<Long, String> found = new HashMap<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    found.put((Long) Files.getAttribute(dir, "unix:ino"), dir.toString());
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    if (e instanceof NoSuchFileException) {
                        return FileVisitResult.CONTINUE; // a cgroup removed during the walk
                    }
                    throw e;
                }
            });
        } catch (IOException e) {
            throw new DecoderException("cgroup: cannot walk the cgroups under " + root + ": " + e);
        }
        return found;
    }
}
