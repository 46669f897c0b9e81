package org.ebpfexporter.exporter.config;

import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads plain mapping keys as the text written: upstream decodes {@code static_map} into a Go
 * {@code map[string]string}, and Go's YAML libraries then keep a key's source text ({@code 010}
 * stays {@code "010"}, {@code 0x1f} stays {@code "0x1f"}) where YAML 1.1 resolution would give
 * the integer 8 or 31. Field names are strings either way.
 */
final class KeysAsWritten extends SafeConstructor {
    private static final Set<Tag> RESOLVED = Set.of(Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.TIMESTAMP);

    KeysAsWritten(LoaderOptions options) {
        super(options);
    }

    @Override
    protected void constructMapping2ndStep(MappingNode node, Map<Object, Object> mapping) {
        for (NodeTuple tuple : node.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode key && key.isPlain() && RESOLVED.contains(key.getTag())) {
                key.setTag(Tag.STR);
            }
        }
        super.constructMapping2ndStep(node, mapping);
    }
}
