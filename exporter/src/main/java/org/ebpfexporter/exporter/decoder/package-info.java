/**
 * Label decoders: each turns a slice of a map key (or the previous decoder's output) into a label
 * value, as upstream ebpf_exporter's decoders of the same names do. {@link
 * org.ebpfexporter.exporter.decoder.DecoderRegistry} builds them from config, {@link
 * org.ebpfexporter.exporter.decoder.KeyDecoder} decodes whole keys into label values.
 */
package org.ebpfexporter.exporter.decoder;
