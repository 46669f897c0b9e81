package org.ebpfexporter.exporter.cli;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGTERM, SIGINT and SIGHUP stop the daemon at any moment.
 *
 * <ul>
 *   <li>Once the configs are attached, {@link #awaitStop()} returns (when start-up has finished):
 *       the daemon detaches everything and exits 0, as upstream does on SIGTERM and SIGINT.
 *       SIGHUP does the same: there is no config reload.</li>
 *   <li>While the configs load (and during {@code --config.check}) the process ends at once, by
 *       the signal's default action, as upstream's does before it installs its handler (exit
 *       status 128 + the signal's number: 143 for SIGTERM). Loading may be waiting in the kernel
 *       (the verifier) or in libbpf, where it cannot be interrupted; the kernel detaches and
 *       unloads what was loaded when the process's descriptors close, and nothing was written to
 *       disk.</li>
 *   <li>A second signal while stopping ends the process at once, the same way.</li>
 * </ul>
 *
 * <p>A signal ignored when the JVM started (SIGHUP under {@code nohup}) stays ignored.
 */
final class StopSignals {
    private static final System.Logger logger = System.getLogger(StopSignals.class.getName());
    private static final List<String> SIGNALS = List.of("TERM", "INT", "HUP");

    private enum State { LOADING, ATTACHED, STOPPING }

    private final AtomicReference<State> state = new AtomicReference<>(State.LOADING);
    private final CountDownLatch stop = new CountDownLatch(1);

    private StopSignals() {}

    /** Handles the stop signals from now on, before anything starts, so that none is missed. */
    static StopSignals install() {
        StopSignals signals = new StopSignals();
        for (String name : SIGNALS) {
            try {
                Signal.handle(new Signal(name), signals::received);
            } catch (IllegalArgumentException e) {
                // -Xrs: the JVM leaves the signal's default action, which ends the process too.
                logger.log(System.Logger.Level.DEBUG, "SIG{0} keeps its default action: {1}", name, e.getMessage());
            }
        }
        return signals;
    }

    /** Marks the configs as attached: from now on a signal makes {@link #awaitStop()} return. */
    void attached() {
        state.compareAndSet(State.LOADING, State.ATTACHED);
    }

    /** Waits for a stop signal; never returns when one came while loading, as the process is ending. */
    void awaitStop() throws InterruptedException {
        stop.await();
    }

    private void received(Signal signal) {
        State before;
        do {
            before = state.get();
        } while (!state.compareAndSet(before, State.STOPPING));
        if (before == State.ATTACHED) {
            logger.log(System.Logger.Level.INFO, "received SIG{0}: stopping", signal.getName());
            stop.countDown();
            return;
        }
        logger.log(System.Logger.Level.WARNING, "received SIG{0} {1}: exiting now; the kernel detaches and "
                + "unloads every program", signal.getName(), before == State.LOADING ? "during start-up" : "again");
        endBy(signal);
    }

    /** Ends the process as the signal's default action does, or with its status where that is refused. */
    private static void endBy(Signal signal) {
        try {
            Signal.handle(signal, SignalHandler.SIG_DFL);
            Signal.raise(signal);
        } catch (IllegalArgumentException e) {
            logger.log(System.Logger.Level.DEBUG, "cannot raise SIG{0}: {1}", signal.getName(), e.getMessage());
        }
        // Reached if the signal is blocked in this thread until it returns, or could not be raised.
        Runtime.getRuntime().halt(128 + signal.getNumber());
    }
}
