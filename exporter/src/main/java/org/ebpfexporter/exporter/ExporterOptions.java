package org.ebpfexporter.exporter;

import java.nio.file.Path;

/**
 * How {@link Exporter#start} loads and attaches configs (the {@code --config.*} and
 * {@code --btf.path} flags).
 *
 * @param btfPath       BTF for CO-RE relocations instead of the kernel's, or {@code null}
 * @param strict        fail start-up when a program does not attach; otherwise it is logged and
 *                      reported as {@code ebpf_exporter_ebpf_program_attached 0}
 * @param cacheSize     entries of the label cache of each metric (decoded keys)
 * @param skipCacheSize entries of the cache of keys whose label set a decoder skips
 * @param jvm           the JVM whose HotSpot probes programs in plain {@code usdt} sections attach to
 */
public record ExporterOptions(Path btfPath, boolean strict, int cacheSize, int skipCacheSize, JvmTarget jvm) {
    /** Upstream's default size of both label caches. */
    public static final int DEFAULT_CACHE_SIZE = 1_048_576;
    /** Kernel BTF, lenient attach, default cache sizes, no JVM to probe. */
    public static final ExporterOptions DEFAULTS =
            new ExporterOptions(null, false, DEFAULT_CACHE_SIZE, DEFAULT_CACHE_SIZE, JvmTarget.none());

    /** These options with another JVM to probe. */
    public ExporterOptions withJvm(JvmTarget target) {
        return new ExporterOptions(btfPath, strict, cacheSize, skipCacheSize, target);
    }

    /** Validates the sizes. */
    public ExporterOptions {
        if (cacheSize < 0 || skipCacheSize < 0) {
            throw new IllegalArgumentException("--config.cache-size and --config.skip-cache-size must not be negative");
        }
    }
}
