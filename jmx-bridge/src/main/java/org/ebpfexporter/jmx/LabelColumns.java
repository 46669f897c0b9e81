package org.ebpfexporter.jmx;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The label columns of a family's {@code Series} table: the label names in first-seen order and
 * the open-type item name used for each.
 *
 * <p>An item name is the label name itself unless that name is reserved for a value item of the
 * same row ({@code value}; {@code count}, {@code sum}, {@code buckets} or {@code quantiles}) or is
 * blank (not a valid item name). Such names get the suffix {@code _label} ({@code value} becomes
 * {@code value_label}; a blank name becomes {@code label}), repeated until the item name is unique
 * in the row.
 *
 * @param labelNames the label names as in the snapshot
 * @param itemNames the item name of each label, same order
 */
record LabelColumns(List<String> labelNames, List<String> itemNames) {
  static final String SUFFIX = "_label";

  LabelColumns {
    labelNames = List.copyOf(labelNames);
    itemNames = List.copyOf(itemNames);
  }

  static LabelColumns of(List<String> labelNames, Set<String> reservedItems) {
    Set<String> taken = new HashSet<>(reservedItems);
    taken.addAll(labelNames.stream().filter(n -> !mustMap(n, reservedItems)).toList());
    List<String> items = new ArrayList<>(labelNames.size());
    for (String name : labelNames) {
      if (!mustMap(name, reservedItems)) {
        items.add(name);
        continue;
      }
      String item = name.isBlank() ? "label" : name + SUFFIX;
      while (taken.contains(item)) {
        item += SUFFIX;
      }
      taken.add(item);
      items.add(item);
    }
    return new LabelColumns(labelNames, items);
  }

  private static boolean mustMap(String name, Set<String> reservedItems) {
    return name.isBlank() || reservedItems.contains(name);
  }

  int size() {
    return labelNames.size();
  }

  boolean isEmpty() {
    return labelNames.isEmpty();
  }
}
