package org.ebpfexporter.bpf.internal;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.ebpfexporter.bpf.internal.binding.LibbpfBinding;
import org.ebpfexporter.bpf.internal.binding.libbpf_print_fn_t;

/**
 * Routes libbpf's log to the {@code org.ebpfexporter.bpf.libbpf} logger: warnings as WARNING,
 * informational lines as INFO and debug lines as DEBUG, so the logging configuration decides what
 * is shown. The message's {@code va_list} is formatted by the C library's {@code vsnprintf}.
 */
public final class LibbpfPrinter {
    private static final System.Logger logger = System.getLogger("org.ebpfexporter.bpf.libbpf");
    private static final int MAX_MESSAGE = 64 * 1024;
    private static boolean installed;

    private LibbpfPrinter() {}

    /** Installs the callback once per JVM; later calls do nothing. */
    public static synchronized void install() {
        if (installed) {
            return;
        }
        LibbpfBinding.libbpf_set_print(libbpf_print_fn_t.allocate(LibbpfPrinter::print, Arena.global()));
        installed = true;
    }

    private static int print(int level, MemorySegment format, MemorySegment args) {
        System.Logger.Level javaLevel = level == LibbpfBinding.LIBBPF_WARN() ? System.Logger.Level.WARNING
                : level == LibbpfBinding.LIBBPF_INFO() ? System.Logger.Level.INFO
                : System.Logger.Level.DEBUG;
        if (!logger.isLoggable(javaLevel)) {
            return 0;
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buffer = arena.allocate(MAX_MESSAGE);
            int length = (int) LibC.vsnprintf.invokeExact(buffer, (long) MAX_MESSAGE, format, args);
            String message = buffer.getString(0).stripTrailing();
            if (!message.isEmpty()) {
                // Most of libbpf's lines carry their own "libbpf: " prefix; the rest get one.
                logger.log(javaLevel, message.startsWith("libbpf: ") ? message : "libbpf: " + message);
            }
            return length;
        } catch (Throwable t) {
            // An exception must not unwind through libbpf's frames (the JVM would exit): report the lost line.
            reportLost(t);
            return 0;
        }
    }

    private static void reportLost(Throwable failure) {
        try {
            logger.log(System.Logger.Level.WARNING, "libbpf: a log line was lost: " + failure);
        } catch (RuntimeException | Error e) {
            // The logger itself fails: there is nowhere left to report to, and throwing would end the JVM.
        }
    }
}
