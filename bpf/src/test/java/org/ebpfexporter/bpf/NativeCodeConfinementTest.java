package org.ebpfexporter.bpf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.classfile.Attributes;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.FieldModel;
import java.lang.classfile.MethodModel;
import java.lang.classfile.attribute.SignatureAttribute;
import java.lang.classfile.constantpool.PoolEntry;
import java.lang.classfile.constantpool.Utf8Entry;
import java.lang.reflect.AccessFlag;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.ebpfexporter.bpf.internal.ObjectHandle;
import org.junit.jupiter.api.Test;

/**
 * All native code stays in {@code org.ebpfexporter.bpf.internal}: the compiled classes of the
 * public package refer to nothing of {@code java.lang.foreign} (imports, fields, calls, signatures
 * all land in the constant pool), and their public API shows no internal type.
 */
class NativeCodeConfinementTest {
    private static final String FOREIGN = "java/lang/foreign/";
    private static final String INTERNAL = "org/ebpfexporter/bpf/internal/";
    /** An import of, or a qualified name in, the FFM API; its mere mention in Javadoc is fine. */
    private static final Pattern FOREIGN_IN_SOURCE = Pattern.compile("java\\.lang\\.foreign\\.[A-Za-z*]");

    @Test
    void publicPackageUsesNoForeignFunctionApi() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path file : publicPackageClasses()) {
            violations.addAll(foreignReferences(file));
        }
        assertEquals(List.of(), violations);
    }

    @Test
    void publicPackageSourcesImportNoForeignFunctionApi() throws IOException {
        Path sources = Path.of(System.getProperty("bpf.module.dir", ""), "src/main/java",
                BpfObject.class.getPackageName().replace('.', '/'));
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.list(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                Files.readAllLines(file).stream().filter(line -> FOREIGN_IN_SOURCE.matcher(line).find())
                        .forEach(line -> violations.add(file.getFileName() + ": " + line.strip()));
            }
        }
        assertEquals(List.of(), violations);
    }

    @Test
    void publicApiShowsNoInternalType() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path file : publicPackageClasses()) {
            violations.addAll(internalTypesInPublicApi(file));
        }
        assertEquals(List.of(), violations);
    }

    @Test
    void scanCoversThePublicClassesAndDetectsForeignUse() throws IOException {
        Set<String> names = Set.copyOf(publicPackageClasses().stream().map(f -> f.getFileName().toString()).toList());
        assertTrue(names.containsAll(Set.of("BpfObject.class", "BpfProgram.class", "BpfMap.class",
                "MapEntries.class", "ProgramInfo.class", "LoadedPrograms.class", "BpfLink.class",
                "Kallsyms.class")), names.toString());
        // The same checks find what the glue legitimately does.
        Path glue = classesRoot().resolve(ObjectHandle.class.getName().replace('.', '/') + ".class");
        assertFalse(foreignReferences(glue).isEmpty());
    }

    private static List<String> foreignReferences(Path file) throws IOException {
        ClassModel model = ClassFile.of().parse(file);
        List<String> found = new ArrayList<>();
        for (PoolEntry entry : model.constantPool()) {
            if (entry instanceof Utf8Entry utf8 && utf8.stringValue().contains(FOREIGN)) {
                found.add(model.thisClass().asInternalName() + " refers to " + utf8.stringValue());
            }
        }
        return found;
    }

    private static List<String> internalTypesInPublicApi(Path file) throws IOException {
        ClassModel model = ClassFile.of().parse(file);
        String owner = model.thisClass().asInternalName();
        List<String> found = new ArrayList<>();
        if (!model.flags().has(AccessFlag.PUBLIC)) {
            return found;
        }
        model.superclass().filter(s -> s.asInternalName().startsWith(INTERNAL))
                .ifPresent(s -> found.add(owner + " extends " + s.asInternalName()));
        model.interfaces().stream().filter(i -> i.asInternalName().startsWith(INTERNAL))
                .forEach(i -> found.add(owner + " implements " + i.asInternalName()));
        for (MethodModel method : model.methods()) {
            if (visible(method.flags().flags())) {
                check(owner + "." + method.methodName().stringValue(), method.methodType().stringValue(),
                        method.findAttribute(Attributes.signature()), found);
            }
        }
        for (FieldModel field : model.fields()) {
            if (visible(field.flags().flags())) {
                check(owner + "." + field.fieldName().stringValue(), field.fieldType().stringValue(),
                        field.findAttribute(Attributes.signature()), found);
            }
        }
        return found;
    }

    private static void check(String member, String descriptor, Optional<SignatureAttribute> signature,
            List<String> found) {
        String generic = signature.map(s -> s.signature().stringValue()).orElse("");
        if (descriptor.contains(INTERNAL) || generic.contains(INTERNAL)) {
            found.add(member + " " + (generic.isEmpty() ? descriptor : generic));
        }
    }

    private static boolean visible(Set<AccessFlag> flags) {
        return flags.contains(AccessFlag.PUBLIC) || flags.contains(AccessFlag.PROTECTED);
    }

    private static List<Path> publicPackageClasses() throws IOException {
        Path dir = classesRoot().resolve(BpfObject.class.getPackageName().replace('.', '/'));
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".class")).sorted().toList();
        }
    }

    private static Path classesRoot() {
        try {
            return Path.of(BpfObject.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
