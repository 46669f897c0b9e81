package org.ebpfexporter.jmx;

import javax.management.openmbean.OpenType;

/**
 * One number (or nested table) of a series: an item of the {@code Series} table, and the
 * attribute of the same name, capitalised, on MBeans that show a single series.
 *
 * @param name the item name, such as {@code ratePerSecond}
 * @param description what it means, shown by consoles
 * @param type its open type
 */
record Column(String name, String description, OpenType<?> type) {
  /** The attribute name: the item name with its first letter in upper case. */
  String attribute() {
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }
}
