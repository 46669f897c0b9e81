package org.ebpfexporter.exporter;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.ebpfexporter.bpf.BpfException;
import org.ebpfexporter.bpf.BpfMap;
import org.ebpfexporter.bpf.BpfObject;
import org.ebpfexporter.bpf.BpfProgram;
import org.ebpfexporter.exporter.config.Config;
import org.ebpfexporter.exporter.config.DecoderSpec;
import org.ebpfexporter.exporter.config.Label;
import org.ebpfexporter.exporter.decoder.JavaThreadDecoder;

/**
 * The Java thread names behind the {@code java_thread} decoder: the exporter's own object
 * {@code java_threads.bpf.o} (packaged in the jar), whose programs on HotSpot's
 * {@code thread__start} and {@code thread__stop} probes keep the target JVM's thread names by
 * kernel thread id. It is loaded only when a config uses the decoder and there is a JVM target;
 * otherwise, or when it cannot be loaded (logged; fatal with {@code --config.strict}), the decoder
 * falls back to {@code /proc} names.
 * Threads started before it was attached are not in it, and get their {@code /proc} name too.
 */
final class JavaThreadNames implements JavaThreadDecoder.Names {
    private static final System.Logger logger = System.getLogger(JavaThreadNames.class.getName());
    static final String DECODER = "java_thread";
    static final String OBJECT = "java_threads.bpf.o";
    static final String MAP = "java_thread_names";

    private volatile BpfMap map;

    /**
     * Loads the object and attaches its programs to the target JVM, when a config needs it.
     *
     * @return the loaded object, for the caller to close; empty when not needed or not loadable
     */
    Optional<BpfObject> load(List<Config> configs, ExporterOptions options) {
        JvmTarget target = options.jvm();
        if (configs.stream().noneMatch(JavaThreadNames::usesDecoder)) {
            return Optional.empty();
        }
        if (!target.present()) {
            logger.log(System.Logger.Level.INFO, "java_thread: no JVM to probe (give --jvm.pid), thread names come "
                    + "from /proc");
            return Optional.empty();
        }
        BpfObject object = null;
        try {
            byte[] image;
            try (InputStream in = JavaThreadNames.class.getResourceAsStream(OBJECT)) {
                if (in == null) {
                    throw new IOException(OBJECT + " is not packaged in this build");
                }
                image = in.readAllBytes();
            }
            object = BpfObject.open(image, "embedded:" + OBJECT, options.btfPath());
            target.identity().applyTo(object);
            object.load();
            for (BpfProgram program : object.programs()) {
                program.attachUsdt(target.libjvm(), JvmTarget.PROVIDER, program.name(), target.pid());
            }
            map = object.map(MAP);
            return Optional.of(object);
        } catch (IOException | BpfException e) {
            if (object != null) {
                object.close();
            }
            String problem = "java_thread: cannot load or attach " + OBJECT + ": "
                    + Exporter.firstLine(String.valueOf(e.getMessage()));
            if (options.strict()) {
                throw new ExporterException(problem, e);
            }
            logger.log(System.Logger.Level.WARNING, problem + " (thread names come from /proc; --config.strict "
                    + "makes this fatal)");
            return Optional.empty();
        }
    }

    @Override
    public Optional<String> javaName(int tid) {
        BpfMap names = map;
        if (names == null) {
            return Optional.empty();
        }
        byte[] key = ByteBuffer.allocate(Integer.BYTES).order(ByteOrder.nativeOrder()).putInt(tid).array();
        return names.lookup(key).map(JavaThreadNames::text);
    }

    private static String text(byte[] value) {
        int end = 0;
        while (end < value.length && value[end] != 0) {
            end++;
        }
        return new String(value, 0, end, StandardCharsets.UTF_8);
    }

    private static boolean usesDecoder(Config config) {
        return config.metrics().counters().stream().anyMatch(c -> usesDecoder(c.labels()))
                || config.metrics().histograms().stream().anyMatch(h -> usesDecoder(h.labels()));
    }

    private static boolean usesDecoder(List<Label> labels) {
        return labels.stream().flatMap(label -> label.decoders().stream()).map(DecoderSpec::name)
                .anyMatch(DECODER::equals);
    }
}
