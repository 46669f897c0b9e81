package org.ebpfexporter.exporter;

import java.util.ArrayList;
import java.util.List;
import org.ebpfexporter.bpf.BpfAttachException;
import org.ebpfexporter.bpf.BpfObject;
import org.ebpfexporter.bpf.BpfProgram;
import org.ebpfexporter.exporter.collector.LoadedProgram;

/**
 * Attaches every program of a loaded object. libbpf cannot auto-attach a program in a plain
 * {@code SEC("usdt")} section (it names no binary or probe), so such a program is attached to the
 * HotSpot probe of its own function name ({@code gc__begin}, {@code thread__start}, ...) in the
 * target JVM's {@code libjvm.so}, only in the target process; with no target it stays unattached.
 * A failure to attach is fatal with {@code --config.strict}, as upstream's; otherwise it is logged
 * and the program reported as not attached. The links belong to the object, which detaches them
 * when closed.
 */
final class ProgramAttacher {
    private static final System.Logger logger = System.getLogger(ProgramAttacher.class.getName());
    static final String USDT_SECTION = "usdt";

    private ProgramAttacher() {}

    static List<LoadedProgram> attachAll(String config, BpfObject object, ExporterOptions options) {
        List<LoadedProgram> programs = new ArrayList<>();
        for (BpfProgram program : object.programs()) {
            programs.add(new LoadedProgram(config, program, attach(config, program, options)));
        }
        return programs;
    }

    private static boolean attach(String config, BpfProgram program, ExporterOptions options) {
        JvmTarget target = options.jvm();
        try {
            if (!program.section().equals(USDT_SECTION)) {
                program.attach();
                return true;
            }
            if (target.present()) {
                program.attachUsdt(target.libjvm(), JvmTarget.PROVIDER, program.name(), target.pid());
                return true;
            }
            logger.log(System.Logger.Level.WARNING, "config {0}: program {1} (section usdt) not attached: "
                    + "no JVM to probe (give --jvm.pid)", config, program.name());
            return false;
        } catch (BpfAttachException e) {
            if (options.strict()) {
                throw new ExporterException("config " + config + ": " + Exporter.firstLine(e.getMessage()), e);
            }
            logger.log(System.Logger.Level.WARNING, "config {0}: {1} (reported as "
                    + "ebpf_exporter_ebpf_program_attached 0; --config.strict makes this fatal)",
                    config, Exporter.firstLine(e.getMessage()));
            return false;
        }
    }
}
