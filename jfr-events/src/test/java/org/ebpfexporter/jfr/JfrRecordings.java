package org.ebpfexporter.jfr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/** Runs real recordings of a few event types and reads them back. */
final class JfrRecordings {
    static final Duration PERIOD = Duration.ofMillis(100);

    private JfrRecordings() {
    }

    /** Records {@code names} with a 100 ms period for about {@code length}, dumped to {@code file}. */
    static List<RecordedEvent> record(Path file, Duration length, Runnable during, String... names)
            throws IOException, InterruptedException {
        try (Recording recording = new Recording()) {
            for (String name : names) {
                recording.enable(name).withPeriod(PERIOD);
            }
            recording.enable(EventsDroppedEvent.NAME);
            recording.start();
            Thread.sleep(length.toMillis() / 2);
            during.run();
            Thread.sleep(length.toMillis() / 2);
            recording.stop();
            recording.dump(file);
        }
        return RecordingFile.readAllEvents(file);
    }

    static List<RecordedEvent> record(Path file, String... names) throws IOException, InterruptedException {
        return record(file, Duration.ofSeconds(1), () -> { }, names);
    }

    static List<RecordedEvent> ofType(List<RecordedEvent> events, String name) {
        return events.stream().filter(e -> e.getEventType().getName().equals(name)).toList();
    }

    static Path tempFile(Path dir) throws IOException {
        return Files.createTempFile(dir, "recording", ".jfr");
    }
}
