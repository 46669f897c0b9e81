package org.ebpfexporter.bpf.internal;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.HashMap;
import java.util.Map;

/**
 * The offsets and sizes of the variables in an object's {@code .rodata} section, read from its BTF.
 *
 * <p>libbpf's {@code btf_vlen} and {@code btf_var_secinfos} are static inline functions, so the
 * DATASEC is read here from the documented {@code struct btf_type} layout: three u32 words
 * (name_off, info, size) followed by {@code vlen} {@code struct btf_var_secinfo} records of three
 * u32 words (type, offset, size).
 */
public final class RodataLayout {
    private static final int BTF_KIND_DATASEC = 15;
    private static final int BTF_TYPE_SIZE = 12;
    private static final int VAR_SECINFO_SIZE = 12;

    /** One variable's place in the section. */
    public record Variable(String name, int offset, int size) {}

    private RodataLayout() {}

    /**
     * Reads the variables of the {@code .rodata} DATASEC, or an empty map when there is none.
     *
     * @throws IllegalStateException when the object's BTF is inconsistent
     */
    public static Map<String, Variable> read(MemorySegment object) {
        Map<String, Variable> variables = new HashMap<>();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment btf = (MemorySegment) Libbpf.bpf_object__btf.invokeExact(object);
            if (btf.equals(MemorySegment.NULL)) {
                return variables;
            }
            int id = (int) Libbpf.btf__find_by_name_kind.invokeExact(btf, arena.allocateFrom(".rodata"),
                    BTF_KIND_DATASEC);
            if (id == -Errno.ENOENT) {
                return variables;
            }
            if (id <= 0) {
                throw new IllegalStateException("btf__find_by_name_kind(.rodata) failed: " + Errno.name(-id));
            }
            MemorySegment datasec = type(btf, id);
            int vlen = datasec.get(JAVA_INT, 4) & 0xffff;
            MemorySegment infos = datasec.reinterpret(BTF_TYPE_SIZE + (long) vlen * VAR_SECINFO_SIZE);
            for (int i = 0; i < vlen; i++) {
                long base = BTF_TYPE_SIZE + (long) i * VAR_SECINFO_SIZE;
                int varType = infos.get(JAVA_INT, base);
                int offset = infos.get(JAVA_INT, base + 4);
                int size = infos.get(JAVA_INT, base + 8);
                MemorySegment var = type(btf, varType);
                MemorySegment name = (MemorySegment) Libbpf.btf__name_by_offset.invokeExact(btf, var.get(JAVA_INT, 0));
                if (name.equals(MemorySegment.NULL)) {
                    throw new IllegalStateException("BTF type " + varType + " has no name");
                }
                String varName = Native.string(name);
                variables.put(varName, new Variable(varName, offset, size));
            }
            return variables;
        } catch (Throwable t) {
            throw Native.rethrow(t);
        }
    }

    private static MemorySegment type(MemorySegment btf, int id) throws Throwable {
        MemorySegment type = (MemorySegment) Libbpf.btf__type_by_id.invokeExact(btf, id);
        if (type.equals(MemorySegment.NULL)) {
            throw new IllegalStateException("BTF has no type " + id);
        }
        return type.reinterpret(BTF_TYPE_SIZE);
    }
}
