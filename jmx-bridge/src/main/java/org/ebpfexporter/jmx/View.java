package org.ebpfexporter.jmx;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.management.openmbean.OpenMBeanAttributeInfoSupport;
import javax.management.openmbean.OpenType;

/**
 * What an MBean shows as of one collection: the attributes' open types (for the MBeanInfo) and
 * their values, built together so that the MBeanInfo always describes the values served with it.
 *
 * @param description MBean description
 * @param attributes attribute infos in display order
 * @param values attribute values by name
 */
record View(
    String description, List<OpenMBeanAttributeInfoSupport> attributes, Map<String, Object> values) {
  View {
    attributes = List.copyOf(attributes);
    values = Map.copyOf(values);
  }

  /** Collects attributes in display order. */
  static final class Builder {
    private final List<OpenMBeanAttributeInfoSupport> infos = new ArrayList<>();
    private final Map<String, Object> values = new LinkedHashMap<>();

    Builder add(String name, String description, OpenType<?> type, Object value) {
      infos.add(new OpenMBeanAttributeInfoSupport(name, description, type, true, false, false));
      values.put(name, value);
      return this;
    }

    View build(String description) {
      return new View(description, infos, values);
    }
  }
}
