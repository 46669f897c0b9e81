package org.ebpfexporter.jmx;

import java.util.List;

/**
 * One row of a family's {@code Series} table before it becomes open data: its labels and its
 * value items (for example {@code value}, or {@code count}, {@code sum}, {@code buckets}).
 *
 * @param labelNames label names of this row
 * @param labelValues label values, same order
 * @param items value items, in the order of the family's value columns
 */
record Row(List<String> labelNames, List<String> labelValues, List<Object> items) {
  Row {
    labelNames = List.copyOf(labelNames);
    labelValues = List.copyOf(labelValues);
    items = List.copyOf(items);
  }

  /** The value of label {@code name}, or the empty string when this row lacks that label. */
  String labelValue(String name) {
    int i = labelNames.indexOf(name);
    return i < 0 ? "" : labelValues.get(i);
  }
}
