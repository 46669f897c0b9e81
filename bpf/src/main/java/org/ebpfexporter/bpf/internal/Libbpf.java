package org.ebpfexporter.bpf.internal;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.invoke.MethodHandle;

/**
 * Downcall handles to the libbpf 1.1 functions the exporter uses, one per symbol, named as in C.
 *
 * <p>Functions that report failure through errno are bound with errno capture: their first
 * argument is the capture segment from {@link Errno#allocateState}. Only functions present in
 * libbpf 1.1.2 (Debian 12) are bound, so newer 1.x releases work as well.
 */
public final class Libbpf {
    private Libbpf() {}

    // Object life cycle.
    public static final MethodHandle bpf_object__open_file = NativeLibraries.libbpfWithErrno(
            "bpf_object__open_file", FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS));
    public static final MethodHandle bpf_object__open_mem = NativeLibraries.libbpfWithErrno(
            "bpf_object__open_mem", FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_LONG, ADDRESS));
    public static final MethodHandle bpf_object__load = NativeLibraries.libbpf(
            "bpf_object__load", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    public static final MethodHandle bpf_object__close = NativeLibraries.libbpf(
            "bpf_object__close", FunctionDescriptor.ofVoid(ADDRESS));
    public static final MethodHandle bpf_object__next_program = NativeLibraries.libbpf(
            "bpf_object__next_program", FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS));
    public static final MethodHandle bpf_object__next_map = NativeLibraries.libbpf(
            "bpf_object__next_map", FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS));
    public static final MethodHandle bpf_object__btf = NativeLibraries.libbpf(
            "bpf_object__btf", FunctionDescriptor.of(ADDRESS, ADDRESS));

    // Programs.
    public static final MethodHandle bpf_program__name = NativeLibraries.libbpf(
            "bpf_program__name", FunctionDescriptor.of(ADDRESS, ADDRESS));
    public static final MethodHandle bpf_program__section_name = NativeLibraries.libbpf(
            "bpf_program__section_name", FunctionDescriptor.of(ADDRESS, ADDRESS));
    public static final MethodHandle bpf_program__fd = NativeLibraries.libbpf(
            "bpf_program__fd", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    public static final MethodHandle bpf_program__type = NativeLibraries.libbpf(
            "bpf_program__type", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    public static final MethodHandle bpf_program__set_type = NativeLibraries.libbpf(
            "bpf_program__set_type", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
    public static final MethodHandle bpf_program__set_expected_attach_type = NativeLibraries.libbpf(
            "bpf_program__set_expected_attach_type", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));

    // Attaching; each returns a struct bpf_link pointer, or NULL with errno set.
    public static final MethodHandle bpf_program__attach = NativeLibraries.libbpfWithErrno(
            "bpf_program__attach", FunctionDescriptor.of(ADDRESS, ADDRESS));
    public static final MethodHandle bpf_program__attach_perf_event = NativeLibraries.libbpfWithErrno(
            "bpf_program__attach_perf_event", FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT));
    public static final MethodHandle bpf_program__attach_xdp = NativeLibraries.libbpfWithErrno(
            "bpf_program__attach_xdp", FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT));
    public static final MethodHandle bpf_program__attach_uprobe_opts = NativeLibraries.libbpfWithErrno(
            "bpf_program__attach_uprobe_opts",
            FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT, ADDRESS, JAVA_LONG, ADDRESS));
    public static final MethodHandle bpf_program__attach_usdt = NativeLibraries.libbpfWithErrno(
            "bpf_program__attach_usdt",
            FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS));
    public static final MethodHandle bpf_link__destroy = NativeLibraries.libbpf(
            "bpf_link__destroy", FunctionDescriptor.of(JAVA_INT, ADDRESS));

    // Maps.
    public static final MethodHandle bpf_map__name = NativeLibraries.libbpf(
            "bpf_map__name", FunctionDescriptor.of(ADDRESS, ADDRESS));
    public static final MethodHandle bpf_map__type = NativeLibraries.libbpf(
            "bpf_map__type", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    public static final MethodHandle bpf_map__key_size = NativeLibraries.libbpf(
            "bpf_map__key_size", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    public static final MethodHandle bpf_map__value_size = NativeLibraries.libbpf(
            "bpf_map__value_size", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    public static final MethodHandle bpf_map__max_entries = NativeLibraries.libbpf(
            "bpf_map__max_entries", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    public static final MethodHandle bpf_map__fd = NativeLibraries.libbpf(
            "bpf_map__fd", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    public static final MethodHandle bpf_map__initial_value = NativeLibraries.libbpf(
            "bpf_map__initial_value", FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS));

    // Low-level syscall wrappers; they return a negative errno and set errno.
    public static final MethodHandle bpf_map_lookup_batch = NativeLibraries.libbpfWithErrno(
            "bpf_map_lookup_batch",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS));
    public static final MethodHandle bpf_map_get_next_key = NativeLibraries.libbpfWithErrno(
            "bpf_map_get_next_key", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS));
    public static final MethodHandle bpf_map_lookup_elem = NativeLibraries.libbpfWithErrno(
            "bpf_map_lookup_elem", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS));
    public static final MethodHandle bpf_map_update_elem = NativeLibraries.libbpfWithErrno(
            "bpf_map_update_elem", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG));
    public static final MethodHandle bpf_obj_get_info_by_fd = NativeLibraries.libbpfWithErrno(
            "bpf_obj_get_info_by_fd", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS));
    public static final MethodHandle bpf_prog_get_next_id = NativeLibraries.libbpfWithErrno(
            "bpf_prog_get_next_id", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS));
    public static final MethodHandle bpf_prog_get_fd_by_id = NativeLibraries.libbpfWithErrno(
            "bpf_prog_get_fd_by_id", FunctionDescriptor.of(JAVA_INT, JAVA_INT));

    // BTF, for the offsets of read-only globals.
    public static final MethodHandle btf__find_by_name_kind = NativeLibraries.libbpf(
            "btf__find_by_name_kind", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT));
    public static final MethodHandle btf__type_by_id = NativeLibraries.libbpf(
            "btf__type_by_id", FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT));
    public static final MethodHandle btf__name_by_offset = NativeLibraries.libbpf(
            "btf__name_by_offset", FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT));

    // Library-wide.
    public static final MethodHandle libbpf_num_possible_cpus = NativeLibraries.libbpf(
            "libbpf_num_possible_cpus", FunctionDescriptor.of(JAVA_INT));
    public static final MethodHandle libbpf_set_print = NativeLibraries.libbpf(
            "libbpf_set_print", FunctionDescriptor.of(ADDRESS, ADDRESS));
}
