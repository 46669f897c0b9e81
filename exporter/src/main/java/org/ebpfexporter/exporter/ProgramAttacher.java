package org.ebpfexporter.exporter;

import org.ebpfexporter.bpf.BpfObject;
import org.ebpfexporter.bpf.BpfProgram;

/**
 * Attaches every program of a loaded object. libbpf cannot auto-attach a program in a plain
 * {@code SEC("usdt")} section (it names no binary or probe), so such a program is attached to the
 * HotSpot probe of its own function name ({@code gc__begin}, {@code thread__start}, ...) in the
 * target JVM's {@code libjvm.so}, only in the target process; with no target it stays unattached.
 * The links belong to the object, which detaches them when closed.
 */
final class ProgramAttacher {
    private static final System.Logger logger = System.getLogger(ProgramAttacher.class.getName());
    static final String USDT_SECTION = "usdt";

    private ProgramAttacher() {}

    static void attachAll(String config, BpfObject object, JvmTarget target) {
        for (BpfProgram program : object.programs()) {
            if (!program.section().equals(USDT_SECTION)) {
                program.attach();
            } else if (target.present()) {
                program.attachUsdt(target.libjvm(), JvmTarget.PROVIDER, program.name(), target.pid());
            } else {
                logger.log(System.Logger.Level.WARNING, "config {0}: program {1} (section usdt) not attached: "
                        + "no JVM to probe (give --jvm.pid)", config, program.name());
            }
        }
    }
}
