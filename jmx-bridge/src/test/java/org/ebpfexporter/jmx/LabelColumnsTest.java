package org.ebpfexporter.jmx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LabelColumnsTest {
  private static final Set<String> VALUE = Set.of("value");
  private static final Set<String> HISTOGRAM = Set.of("count", "sum", "buckets");

  private static List<String> items(List<String> labels, Set<String> reserved) {
    return LabelColumns.of(labels, reserved).itemNames();
  }

  @Test
  void ordinaryNamesAreKept() {
    assertEquals(List.of("cpu", "op"), items(List.of("cpu", "op"), VALUE));
  }

  @Test
  void reservedNamesGetASuffix() {
    assertEquals(List.of("op", "value_label"), items(List.of("op", "value"), VALUE));
    assertEquals(
        List.of("buckets_label", "count_label", "sum_label", "value"),
        items(List.of("buckets", "count", "sum", "value"), HISTOGRAM));
  }

  @Test
  void mappedNamesStayUnique() {
    assertEquals(List.of("value_label_label", "value_label"), items(List.of("value", "value_label"), VALUE));
  }

  @Test
  void blankNamesAreNotValidItemNames() {
    // A real label named "label" keeps its name; the blank one moves aside.
    assertEquals(List.of("label_label", "label"), items(List.of(" ", "label"), VALUE));
  }
}
