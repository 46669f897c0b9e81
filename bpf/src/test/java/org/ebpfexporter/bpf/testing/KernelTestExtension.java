package org.ebpfexporter.bpf.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.ebpfexporter.bpf.LoadedPrograms;
import org.ebpfexporter.bpf.ProgramInfo;
import org.ebpfexporter.bpf.internal.NativeLibraries;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;

/**
 * Checks that BPF is usable before kernel tests, and that each test leaves none of the programs it
 * loaded in the kernel (programs of other processes, such as parallel test runs, are ignored).
 */
public final class KernelTestExtension implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KernelTestExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        String missing = missingPrerequisite();
        if (missing == null) {
            return;
        }
        if ("true".equals(System.getenv("CI"))) {
            throw new AssertionError("kernel test cannot run under CI=true: " + missing);
        }
        throw new TestAbortedException("kernel test skipped: " + missing);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(NAMESPACE).put("before", LoadedPrograms.loadedByThisJvm());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        @SuppressWarnings("unchecked")
        Set<Integer> before = context.getStore(NAMESPACE).get("before", Set.class);
        List<ProgramInfo> leaked = newPrograms(before);
        // The kernel frees a closed program after an RCU grace period, so give it a moment.
        for (int attempt = 0; attempt < 50 && !leaked.isEmpty(); attempt++) {
            sleep();
            leaked = newPrograms(before);
        }
        assertEquals(List.of(), leaked, "BPF programs left loaded by " + context.getDisplayName());
    }

    /** Programs this JVM loaded since the test began that the kernel still has. */
    private static List<ProgramInfo> newPrograms(Set<Integer> before) {
        Set<Integer> ours = LoadedPrograms.loadedByThisJvm();
        return LoadedPrograms.list().stream().filter(p -> ours.contains(p.id()) && !before.contains(p.id())).toList();
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What keeps BPF from working here, or {@code null} when it works. */
    private static String missingPrerequisite() {
        if (!NativeLibraries.libbpfAvailable()) {
            return "libbpf.so.1 is not installed";
        }
        if (!Files.exists(Path.of("/sys/kernel/btf/vmlinux"))) {
            return "the kernel has no BTF (/sys/kernel/btf/vmlinux)";
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            return "not running as root";
        }
        return null;
    }
}
