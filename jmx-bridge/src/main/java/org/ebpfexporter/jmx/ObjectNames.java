package org.ebpfexporter.jmx;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * Builds ObjectNames: {@code <domain>:config=<config>,name=<name>} for a family and
 * {@code <domain>:config=<config>,name=<name>,<label>=<value>,...} for one of its series.
 *
 * <p>JConsole and VisualVM build their MBean tree from the keys in the order written (after
 * {@code type} and {@code j2eeType}, which they hoist to the top), so the tree shows the config,
 * then the metric, then the series by label value. Label names that would take a key of their own
 * ({@code config}, {@code name}, {@code type}, {@code j2eeType}), or that repeat an earlier key,
 * get the suffix {@code _label} until unique ({@code config} becomes {@code config_label}).
 * Values are quoted only when ObjectName rejects them unquoted, so ordinary names read plainly.
 */
final class ObjectNames {
  private static final String NEEDS_QUOTING = ",=:\"*?\n";
  private static final Set<String> RESERVED_KEYS = Set.of("config", "name", "type", "j2eeType");
  private static final String KEY_SUFFIX = "_label";

  private ObjectNames() {}

  static ObjectName family(String domain, String config, String name) {
    return parse(familyText(domain, config, name));
  }

  static ObjectName series(String domain, String config, String name, Series.LabelSet labels) {
    StringBuilder text = new StringBuilder(familyText(domain, config, name));
    for (int i = 0; i < labels.names().size(); i++) {
      text.append(',').append(labelKeys(labels.names()).get(i)).append('=')
          .append(value(labels.values().get(i)));
    }
    return parse(text.toString());
  }

  /** The key of each label, same order. */
  static List<String> labelKeys(List<String> labelNames) {
    Set<String> taken = new HashSet<>(RESERVED_KEYS);
    return labelNames.stream().map(label -> {
      String key = label.isEmpty() ? "label" : label.replaceAll("[,=:\"*?\\s]", "_");
      while (taken.contains(key)) {
        key += KEY_SUFFIX;
      }
      taken.add(key);
      return key;
    }).toList();
  }

  private static String familyText(String domain, String config, String name) {
    return domain + ":config=" + value(config) + ",name=" + value(name);
  }

  private static ObjectName parse(String text) {
    try {
      return new ObjectName(text);
    } catch (MalformedObjectNameException e) {
      throw new IllegalArgumentException(
          "invalid JMX ObjectName '" + text + "': " + e.getMessage(), e);
    }
  }

  /** The key property value as it must be written: plain when allowed, quoted otherwise. */
  static String value(String raw) {
    if (raw.isEmpty()) {
      return ObjectName.quote(raw);
    }
    for (int i = 0; i < raw.length(); i++) {
      if (NEEDS_QUOTING.indexOf(raw.charAt(i)) >= 0) {
        return ObjectName.quote(raw);
      }
    }
    return raw;
  }

  /** Checks a domain early so a bad one fails at construction, not at the first refresh. */
  static String checkDomain(String domain) {
    if (domain.isEmpty()) {
      throw new IllegalArgumentException("JMX domain must not be empty");
    }
    family(domain, "config", "name");
    return domain;
  }
}
