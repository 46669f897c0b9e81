package org.ebpfexporter.exporter.config;

import java.nio.file.Path;

/** The configs of a directory: {@code NAME.yaml} and {@code NAME.bpf.o} files in it. */
record ConfigDirectory(Path dir) implements ConfigSource {
    @Override
    public String describe(String file) {
        return dir.resolve(file).toString();
    }

    @Override
    public void checkName(String name) {
        ConfigNames.check(dir, name);
    }

    @Override
    public byte[] read(String file, int maxBytes) {
        return InputFiles.read(dir.resolve(file), maxBytes);
    }
}
