package org.ebpfexporter.exporter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Named pipes for tests of file inputs: opening one to read blocks until a writer comes. */
public final class Fifo {
    private Fifo() {}

    /** Replaces {@code path} with a FIFO nothing writes to, returning it. */
    public static Path make(Path path) throws IOException, InterruptedException {
        Files.deleteIfExists(path);
        Process mkfifo = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
        if (mkfifo.waitFor() != 0) {
            throw new IOException("mkfifo " + path + " failed");
        }
        return path;
    }
}
