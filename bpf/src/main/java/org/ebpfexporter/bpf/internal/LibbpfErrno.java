package org.ebpfexporter.bpf.internal;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import org.ebpfexporter.bpf.internal.binding.LibbpfBinding;

/**
 * Downcall handles that capture errno, for the libbpf functions that report failure through it:
 * the generated binding's handles do not capture errno, so these are built from each function's
 * generated descriptor and address. Each takes the capture segment of
 * {@link Errno#allocateState} as its first argument.
 */
final class LibbpfErrno {
    static final MethodHandle bpf_object__open_file = capturing(
            LibbpfBinding.bpf_object__open_file$descriptor(), LibbpfBinding.bpf_object__open_file$address());
    static final MethodHandle bpf_object__open_mem = capturing(
            LibbpfBinding.bpf_object__open_mem$descriptor(), LibbpfBinding.bpf_object__open_mem$address());
    static final MethodHandle bpf_program__attach = capturing(
            LibbpfBinding.bpf_program__attach$descriptor(), LibbpfBinding.bpf_program__attach$address());
    static final MethodHandle bpf_program__attach_perf_event = capturing(
            LibbpfBinding.bpf_program__attach_perf_event$descriptor(),
            LibbpfBinding.bpf_program__attach_perf_event$address());
    static final MethodHandle bpf_program__attach_xdp = capturing(
            LibbpfBinding.bpf_program__attach_xdp$descriptor(), LibbpfBinding.bpf_program__attach_xdp$address());
    static final MethodHandle bpf_program__attach_uprobe_opts = capturing(
            LibbpfBinding.bpf_program__attach_uprobe_opts$descriptor(),
            LibbpfBinding.bpf_program__attach_uprobe_opts$address());
    static final MethodHandle bpf_program__attach_usdt = capturing(
            LibbpfBinding.bpf_program__attach_usdt$descriptor(), LibbpfBinding.bpf_program__attach_usdt$address());
    static final MethodHandle bpf_map_lookup_batch = capturing(
            LibbpfBinding.bpf_map_lookup_batch$descriptor(), LibbpfBinding.bpf_map_lookup_batch$address());
    static final MethodHandle bpf_map_get_next_key = capturing(
            LibbpfBinding.bpf_map_get_next_key$descriptor(), LibbpfBinding.bpf_map_get_next_key$address());
    static final MethodHandle bpf_map_lookup_elem = capturing(
            LibbpfBinding.bpf_map_lookup_elem$descriptor(), LibbpfBinding.bpf_map_lookup_elem$address());
    static final MethodHandle bpf_map_update_elem = capturing(
            LibbpfBinding.bpf_map_update_elem$descriptor(), LibbpfBinding.bpf_map_update_elem$address());
    static final MethodHandle bpf_obj_get_info_by_fd = capturing(
            LibbpfBinding.bpf_obj_get_info_by_fd$descriptor(), LibbpfBinding.bpf_obj_get_info_by_fd$address());
    static final MethodHandle bpf_prog_get_next_id = capturing(
            LibbpfBinding.bpf_prog_get_next_id$descriptor(), LibbpfBinding.bpf_prog_get_next_id$address());
    static final MethodHandle bpf_prog_get_fd_by_id = capturing(
            LibbpfBinding.bpf_prog_get_fd_by_id$descriptor(), LibbpfBinding.bpf_prog_get_fd_by_id$address());

    private LibbpfErrno() {}

    private static MethodHandle capturing(FunctionDescriptor descriptor, MemorySegment address) {
        return NativeLibraries.LINKER.downcallHandle(address, descriptor, NativeLibraries.CAPTURE_ERRNO);
    }
}
