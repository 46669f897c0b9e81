package org.ebpfexporter.bpf.internal;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.HashMap;
import java.util.Map;
import org.ebpfexporter.bpf.internal.binding.LibbpfBinding;
import org.ebpfexporter.bpf.internal.binding.btf_type;
import org.ebpfexporter.bpf.internal.binding.btf_var_secinfo;

/**
 * The offsets and sizes of the variables in an object's {@code .rodata} section, read from its BTF.
 *
 * <p>libbpf's {@code btf_vlen} and {@code btf_var_secinfos} are static inline functions, so the
 * DATASEC is read here as they read it: a {@code struct btf_type} whose {@code info} holds the
 * variable count in its low 16 bits, followed by that many {@code struct btf_var_secinfo}.
 */
final class RodataLayout {
    private static final int VLEN_MASK = 0xffff;

    private RodataLayout() {}

    /**
     * Reads the variables of the {@code .rodata} DATASEC, or an empty map when there is none.
     *
     * @throws IllegalStateException when the object's BTF is inconsistent
     */
    static Map<String, RodataVariable> read(MemorySegment object) {
        Map<String, RodataVariable> variables = new HashMap<>();
        MemorySegment btf = LibbpfBinding.bpf_object__btf(object);
        if (btf.equals(MemorySegment.NULL)) {
            return variables;
        }
        int id;
        try (Arena arena = Arena.ofConfined()) {
            id = LibbpfBinding.btf__find_by_name_kind(btf, arena.allocateFrom(".rodata"),
                    LibbpfBinding.BTF_KIND_DATASEC());
        }
        if (id == -Errno.ENOENT) {
            return variables;
        }
        if (id <= 0) {
            throw new IllegalStateException("btf__find_by_name_kind(.rodata) failed: " + Errno.name(-id));
        }
        MemorySegment datasec = type(btf, id);
        int vlen = btf_type.info(datasec) & VLEN_MASK;
        MemorySegment infos = datasec.asSlice(btf_type.sizeof());
        for (int i = 0; i < vlen; i++) {
            MemorySegment info = btf_var_secinfo.asSlice(infos, i);
            int varType = btf_var_secinfo.type(info);
            MemorySegment name = LibbpfBinding.btf__name_by_offset(btf, btf_type.name_off(type(btf, varType)));
            if (name.equals(MemorySegment.NULL)) {
                throw new IllegalStateException("BTF type " + varType + " has no name");
            }
            String varName = Native.string(name);
            variables.put(varName, new RodataVariable(varName, btf_var_secinfo.offset(info),
                    btf_var_secinfo.size(info)));
        }
        return variables;
    }

    private static MemorySegment type(MemorySegment btf, int id) {
        MemorySegment type = LibbpfBinding.btf__type_by_id(btf, id);
        if (type.equals(MemorySegment.NULL)) {
            throw new IllegalStateException("BTF has no type " + id);
        }
        return type;
    }
}
