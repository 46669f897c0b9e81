package org.ebpfexporter.exporter.collector;

import org.ebpfexporter.bpf.BpfProgram;

/**
 * A program of a running config, and whether it attached.
 *
 * @param config   the config name
 * @param program  the loaded program
 * @param attached whether attaching it succeeded
 */
public record LoadedProgram(String config, BpfProgram program, boolean attached) {}
