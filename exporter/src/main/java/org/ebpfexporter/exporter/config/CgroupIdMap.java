package org.ebpfexporter.exporter.config;

import java.util.List;
import java.util.Objects;

/**
 * The {@code cgroup_id_map} section: a map the exporter fills with the ids of the cgroups whose
 * paths match, so programs can filter on them. Kept in the model, not served yet.
 *
 * @param name    the map's name in the object
 * @param type    the map kind as upstream spells it (such as {@code cgrp_storage}); empty for the default
 * @param regexps cgroup path patterns in Go's syntax
 */
public record CgroupIdMap(String name, String type, List<String> regexps) {
    /** Validates and copies. */
    public CgroupIdMap {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        regexps = List.copyOf(regexps);
    }
}
