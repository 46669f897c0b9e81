package org.ebpfexporter.jmx;

import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * Builds the ObjectName of a family: {@code <domain>:type=<Type>,config=<config>,name=<name>}.
 *
 * <p>Values are quoted only when ObjectName would reject them unquoted, so ordinary metric names
 * read plainly in JConsole's tree. The key order is kept as written because JConsole builds its
 * tree from it.
 */
final class ObjectNames {
  private static final String NEEDS_QUOTING = ",=:\"*?\n";

  private ObjectNames() {}

  static ObjectName of(String domain, FamilyType type, String config, String name) {
    String text =
        domain
            + ":type="
            + type.objectNameValue()
            + ",config="
            + value(config)
            + ",name="
            + value(name);
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
    of(domain, FamilyType.UNKNOWN, "config", "name");
    return domain;
  }
}
