package org.ebpfexporter.bpf.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class that loads BPF programs into the running kernel. Such tests run only where BPF
 * is usable (root, libbpf present); elsewhere they are skipped, except under {@code CI=true},
 * where a skip would hide a broken machine and fails instead. After each test no program of the
 * test may remain loaded.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("kernel")
@ExtendWith(KernelTestExtension.class)
public @interface KernelTest {}
